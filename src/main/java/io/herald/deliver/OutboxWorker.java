package io.herald.deliver;

import io.herald.metrics.HeraldMetrics;
import io.herald.model.Destination;
import io.herald.model.Platform;
import io.herald.store.ChatSettings;
import io.herald.store.ChatSettingsStore;
import io.herald.store.OutboxEntry;
import io.herald.store.OutboxHead;
import io.herald.store.OutboxStore;
import io.herald.store.SubscriptionStore;
import io.herald.supervise.Supervised;
import io.herald.supervise.Supervisor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers outbox rows. A dispatcher thread takes the oldest pending row of each destination (so each destination
 * gets its alerts in order), paces each destination ({@link DeliveryPolicy#gapFor}) and each platform overall
 * ({@link DeliveryPolicy#perSecond}), obeys a platform's retry-after for that destination only, and hands the send to
 * a small pool so that many destinations are served at once. A destination with more pending alerts than its pace
 * allows within the flood window, or in digest mode, gets digests instead of single alerts.
 *
 * <p>The dispatcher loop runs under a {@link Supervisor}: a store or any other failure ends the loop, the supervisor
 * logs it and starts it again after a backoff, so delivery resumes by itself when the database is back.
 */
public final class OutboxWorker implements Supervised, AutoCloseable, ReplyQueue {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);
    private static final int HEADS = 5000;
    private static final Duration IDLE_WAIT = Duration.ofSeconds(1);
    private static final Duration PASS = Duration.ofSeconds(1);
    private static final Duration SETTINGS_TTL = Duration.ofSeconds(5);
    private static final Instant FAR_FUTURE = Instant.ofEpochMilli(Long.MAX_VALUE / 2);
    /** Replies waiting for one destination at most; more are dropped (the chat is flooding us). */
    static final int MAX_REPLIES_PER_DESTINATION = 50;
    /**
     * How long a destination waits, from the start of a send that a dead process left without an outcome: longer than
     * the {@code retry_after} Telegram and Slack ask for an ordinary burst (a few seconds, up to about 30).
     */
    static final Duration INTERRUPTED_HOLD = Duration.ofSeconds(30);

    private final OutboxStore outbox;
    private final ChatSettingsStore chatSettings;
    private final DeliveryPolicy policy;
    private final Clock clock;
    /** Keyed by chat ({@link Destination#chat()}): a forum's topics share their chat's pace and retry windows. */
    private final Map<Destination, Instant> notBefore = new ConcurrentHashMap<>();
    /** Chats ({@link Destination#chat()}) with a send under way: one at a time per chat, so its pace holds. */
    private final Set<Destination> inFlight = ConcurrentHashMap.newKeySet();
    /** Replies to commands, per destination in order; served before alerts. Guarded by itself. */
    private final Map<Destination, Deque<ReplyText>> replies = new LinkedHashMap<>();
    private final RateGate gate;
    private final DeliveryRun run;
    private final Semaphore slots;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wakeUp = lock.newCondition();
    private Map<Destination, ChatSettings> digestChats = Map.of();
    private Instant settingsLoadedAt = Instant.MIN;
    private boolean woken;
    private volatile boolean running;
    private volatile boolean recovered;
    private Supervisor.Handle handle;
    private Supervisor supervisor;
    private ExecutorService pool;

    public OutboxWorker(OutboxStore outbox, SubscriptionStore subscriptions, ChatSettingsStore chatSettings,
                        List<AlertSender> senders, AdminNotifier admins, DeliveryPolicy policy, Clock clock) {
        this(outbox, subscriptions, chatSettings, senders, admins, policy, clock, HeraldMetrics.NONE);
    }

    /** @param metrics told about every send, retry, failure and 429 */
    public OutboxWorker(OutboxStore outbox, SubscriptionStore subscriptions, ChatSettingsStore chatSettings,
                        List<AlertSender> senders, AdminNotifier admins, DeliveryPolicy policy, Clock clock,
                        HeraldMetrics metrics) {
        this.outbox = outbox;
        this.chatSettings = chatSettings;
        this.policy = policy;
        this.clock = clock;
        Map<Platform, AlertSender> byPlatform = new EnumMap<>(Platform.class);
        senders.forEach(s -> byPlatform.put(s.platform(), s));
        this.gate = new RateGate(policy);
        this.slots = new Semaphore(policy.senders());
        this.run = new DeliveryRun(outbox, byPlatform, policy, clock, notBefore,
                new DestinationActions(outbox, subscriptions, admins), metrics);
    }

    /** Starts delivering in the background under a supervisor of its own. */
    public void start() {
        start(new Supervisor());
    }

    /** Starts delivering in the background; {@code supervisor} restarts the dispatcher loop when it dies. */
    public synchronized void start(Supervisor supervisor) {
        if (handle != null) {
            return;
        }
        running = true;
        recovered = false;
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newFixedThreadPool(policy.senders(), r -> {
            Thread t = new Thread(r, "herald-send-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.supervisor = supervisor;
        handle = supervisor.supervise("delivery", true, this);
    }

    /**
     * Queues a reply to a command: it goes out before the destination's alerts, paced like them, never inside a
     * platform's retry-after window, within the platform's overall rate.
     */
    @Override
    public void reply(Destination to, ReplyText text) {
        synchronized (replies) {
            Deque<ReplyText> queue = replies.computeIfAbsent(to, d -> new ArrayDeque<>());
            if (queue.size() >= MAX_REPLIES_PER_DESTINATION) {
                LOG.warn("delivery: {} replies already wait for {}; one more dropped", queue.size(), to);
                return;
            }
            queue.add(text);
        }
        wake();
    }

    /** Whether this worker runs (on a cluster, only the delivery leader's does): replies queued now go out. */
    @Override
    public boolean accepting() {
        return running;
    }

    /** Replies waiting, over all destinations. */
    public int repliesWaiting() {
        synchronized (replies) {
            return replies.values().stream().mapToInt(Deque::size).sum();
        }
    }

    /** Tells the worker new rows are waiting. */
    public void wake() {
        lock.lock();
        try {
            woken = true;
            wakeUp.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * One pass on the calling thread: sends every head that is due now and whose destination and platform may
     * receive now; returns how many sends went through. Rows that must wait stay pending.
     */
    public int deliverDue() {
        return pass(true).sent();
    }

    private record Pass(int sent, Instant wakeAt) {
    }

    private Pass pass(boolean inline) {
        Instant start = clock.instant();
        if (!recovered) {
            holdInterruptedSends(start);
        }
        refreshDigestChats(start);
        Instant wakeAt = start.plus(IDLE_WAIT);
        int count = 0;
        for (Destination to : replyDestinations()) {
            Instant now = clock.instant();
            Instant allowed = notBefore.getOrDefault(to.chat(), Instant.MIN);
            if (inFlight.contains(to.chat()) || allowed.isAfter(now)) {
                wakeAt = allowed.isBefore(wakeAt) && allowed.isAfter(now) ? allowed : wakeAt;
                continue;
            }
            if (!takeRate(to.platform(), inline)) {
                continue;
            }
            ReplyText text = nextReply(to);
            if (text == null) {
                continue;
            }
            inFlight.add(to.chat());
            Runnable send = () -> {
                try {
                    run.reply(to, text, () -> replyAgain(to, text));
                } finally {
                    inFlight.remove(to.chat());
                }
            };
            if (inline) {
                send.run();
                count++;
            } else if (submit(to, send)) {
                count++;
            } else {
                replyAgain(to, text);
            }
        }
        for (OutboxHead head : outbox.dueHeads(start, HEADS)) {
            if (!inline && (!running || clock.instant().isAfter(start.plus(PASS)))) {
                break;
            }
            Destination to = head.destination();
            Instant now = clock.instant();
            Instant allowed = notBefore.getOrDefault(to.chat(), Instant.MIN);
            if (inFlight.contains(to.chat()) || allowed.isAfter(now)) {
                wakeAt = allowed.isBefore(wakeAt) && allowed.isAfter(now) ? allowed : wakeAt;
                continue;
            }
            Work work = plan(head, now);
            if (work == null || !takeRate(to.platform(), inline)) {
                continue;
            }
            inFlight.add(to.chat());
            if (inline) {
                count += execute(work) ? 1 : 0;
            } else if (submit(work)) {
                count++;
            }
        }
        return new Pass(count, wakeAt);
    }

    /**
     * Once per start: destinations whose send was under way when an earlier process died wait until that send's start
     * plus {@link #INTERRUPTED_HOLD}, since the platform may have answered it with a {@code retry_after} window that
     * died with the process.
     */
    private void holdInterruptedSends(Instant now) {
        Map<Destination, Instant> held = outbox.holdInterruptedAttempts(INTERRUPTED_HOLD, now);
        held.forEach((to, until) -> notBefore.merge(to.chat(), until, (a, b) -> a.isAfter(b) ? a : b));
        if (!held.isEmpty()) {
            LOG.info("delivery: {} destination(s) had a send under way when delivery last stopped; they wait until"
                    + " {} s after it began, in case the platform asked for a pause: {}", held.size(),
                    INTERRUPTED_HOLD.toSeconds(), held.keySet());
        }
        recovered = true;
    }

    /** What to send for a destination's head: one alert, a flood digest, a scheduled digest, or nothing yet. */
    private record Work(OutboxHead head, boolean digest, Instant createdBefore, String heading) {
    }

    private Work plan(OutboxHead head, Instant now) {
        ChatSettings digestMode = digestChats.get(head.destination());
        if (digestMode != null) {
            Instant slot = DigestSchedule.slotStart(digestMode, now);
            if (!head.createdAt().isBefore(slot)) {
                outbox.holdUntil(head.destination(), DigestSchedule.next(digestMode, now));
                return null;
            }
            return new Work(head, true, slot, null);
        }
        if (head.pending() > policy.floodThreshold(head.destination())) {
            return new Work(head, true, FAR_FUTURE, head.pending() + " new stories: too many to send one by one");
        }
        return new Work(head, false, head.createdAt().plusMillis(1), null);
    }

    private boolean execute(Work work) {
        try {
            List<OutboxEntry> rows = outbox.pendingFor(work.head().destination(), work.createdBefore(),
                    work.digest() ? Digest.MAX_ALERTS : 1);
            if (rows.isEmpty()) {
                return false;
            }
            String heading = work.digest() ? heading(work, rows.size()) : null;
            return run.deliver(rows, heading);
        } catch (RuntimeException e) {
            LOG.error("delivery: cannot deliver to {}: {}", work.head().destination(), e.getMessage(), e);
            return false;
        } finally {
            inFlight.remove(work.head().destination().chat());
        }
    }

    private static String heading(Work work, int size) {
        int more = work.head().pending() - size;
        String base = work.heading() != null ? size + " new stories (too many to send one by one)"
                : "Your digest: " + size + " new stories";
        return more > 0 && work.heading() != null ? base + "; " + more + " more follow" : base;
    }

    private List<Destination> replyDestinations() {
        synchronized (replies) {
            return List.copyOf(replies.keySet());
        }
    }

    private ReplyText nextReply(Destination to) {
        synchronized (replies) {
            Deque<ReplyText> queue = replies.get(to);
            ReplyText text = queue == null ? null : queue.poll();
            if (queue != null && queue.isEmpty()) {
                replies.remove(to);
            }
            return text;
        }
    }

    private void replyAgain(Destination to, ReplyText text) {
        synchronized (replies) {
            replies.computeIfAbsent(to, d -> new ArrayDeque<>()).addFirst(text);
        }
    }

    /** Runs {@code send} on the pool when a slot frees up soon; false (nothing run) otherwise. */
    private boolean submit(Destination to, Runnable send) {
        try {
            if (!slots.tryAcquire(PASS.toMillis(), TimeUnit.MILLISECONDS)) {
                inFlight.remove(to.chat());
                return false;
            }
        } catch (InterruptedException e) {
            inFlight.remove(to.chat());
            throw interrupted();
        }
        pool.execute(() -> {
            try {
                send.run();
            } finally {
                slots.release();
                wake();
            }
        });
        return true;
    }

    private boolean submit(Work work) {
        try {
            if (!slots.tryAcquire(PASS.toMillis(), TimeUnit.MILLISECONDS)) {
                inFlight.remove(work.head().destination().chat());
                return false;
            }
        } catch (InterruptedException e) {
            inFlight.remove(work.head().destination().chat());
            throw interrupted();
        }
        pool.execute(() -> {
            try {
                execute(work);
            } finally {
                slots.release();
                wake();
            }
        });
        return true;
    }

    /** Takes one send from the platform's overall rate; in the background waits (briefly) for one. */
    private boolean takeRate(Platform platform, boolean inline) {
        while (true) {
            Instant now = clock.instant();
            if (gate.tryTake(platform, now)) {
                return true;
            }
            if (inline || !running) {
                return false;
            }
            sleep(gate.untilAvailable(platform, now));
        }
    }

    private void refreshDigestChats(Instant now) {
        if (Duration.between(settingsLoadedAt, now).compareTo(SETTINGS_TTL) < 0) {
            return;
        }
        Map<Destination, ChatSettings> map = new HashMap<>();
        chatSettings.withDigests().forEach(s -> map.put(s.destination(), s));
        digestChats = map;
        settingsLoadedAt = now;
    }

    /** The dispatcher loop (run by the supervisor): any failure, a store error included, ends it. */
    @Override
    public void run() {
        while (running) {
            Pass pass = pass(false);
            if (pass.sent() == 0) {
                awaitWork(pass.wakeAt());
            }
        }
    }

    /** Asks the dispatcher loop to return; sends in flight go on (see {@link #stop(Duration)}). */
    @Override
    public void stop() {
        running = false;
        wake();
    }

    private void awaitWork(Instant wakeAt) {
        Instant now = clock.instant();
        Duration wait = Duration.between(now, wakeAt);
        Duration untilDue = outbox.nextDue().map(next -> Duration.between(now, next))
                .filter(d -> !d.isNegative() && !d.isZero()).orElse(IDLE_WAIT);
        wait = wait.compareTo(untilDue) < 0 ? wait : untilDue;
        lock.lock();
        try {
            if (!woken && running && !wait.isNegative() && !wait.isZero()) {
                wakeUp.await(Math.max(1, wait.toMillis()), TimeUnit.MILLISECONDS);
            }
            woken = false;
        } catch (InterruptedException e) {
            throw interrupted();
        } finally {
            lock.unlock();
        }
    }

    private void sleep(Duration d) {
        lock.lock();
        try {
            if (running) {
                wakeUp.await(Math.max(1, d.toMillis()), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            throw interrupted();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops taking new work, lets sends in flight finish within {@code timeout}, then abandons the rest: their rows
     * stay pending and go out after a restart. Returns within about {@code timeout}. The worker may be started
     * again afterwards (a node that becomes the cluster's delivery leader again).
     */
    public void stop(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Supervisor.Handle h;
        Supervisor s;
        ExecutorService p;
        synchronized (this) {
            h = handle;
            s = supervisor;
            p = pool;
            handle = null;
        }
        try {
            if (h != null) {
                // through the supervisor, so that the loop's return is not taken for a death
                s.retire(h, Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            } else {
                stop();
            }
            if (p != null) {
                p.shutdown();
                if (!p.awaitTermination(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    LOG.warn("delivery: {} send(s) still in flight at shutdown; they stay pending", inFlight.size());
                    p.shutdownNow();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static IllegalStateException interrupted() {
        return new IllegalStateException("delivery: interrupted while waiting");
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(8));
    }
}
