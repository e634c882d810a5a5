package io.herald.match.index.bench;

import io.herald.match.index.bench.Workload.Article;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;

/** Throughput and latency of matching articles on one or more threads, and heap in use after garbage collection. */
final class Timing {
    /** Matches one article; returns how many subscriptions matched. */
    interface Matcher {
        int match(Article article) throws Exception;
    }

    /** What one measurement saw. */
    record Result(double articlesPerSecond, double p50Millis, double p99Millis, double matchesPerArticle,
                  int articles) {}

    /** A limit on one measurement: warm up, then measure for a time or a number of articles per thread. */
    record Budget(long warmupMillis, long measureMillis, int maxArticlesPerThread) {}

    private Timing() {
    }

    static Result run(Matcher matcher, List<Article> articles, int threads, Budget budget) throws Exception {
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Worker> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(new Worker(matcher, articles, t * articles.size() / threads, budget, start));
        }
        workers.forEach(Thread::start);
        long articlesDone = 0;
        long matches = 0;
        long longestNanos = 0;
        List<long[]> latencies = new ArrayList<>();
        for (Worker worker : workers) {
            worker.join();
            if (worker.failure != null) {
                throw worker.failure;
            }
            articlesDone += worker.count;
            matches += worker.matches;
            longestNanos = Math.max(longestNanos, worker.elapsedNanos);
            latencies.add(Arrays.copyOf(worker.latencies, worker.count));
        }
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(articlesDone * 1e9 / longestNanos, percentile(all, 0.50) / 1e6, percentile(all, 0.99) / 1e6,
                (double) matches / articlesDone, (int) articlesDone);
    }

    static long percentile(long[] sorted, double fraction) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(fraction * sorted.length) - 1)];
    }

    static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(150);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static final class Worker extends Thread {
        private final Matcher matcher;
        private final List<Article> articles;
        private final Budget budget;
        private final CyclicBarrier start;
        private int next;
        final long[] latencies;
        int count;
        long matches;
        long elapsedNanos;
        Exception failure;

        Worker(Matcher matcher, List<Article> articles, int offset, Budget budget, CyclicBarrier start) {
            this.matcher = matcher;
            this.articles = articles;
            this.next = offset;
            this.budget = budget;
            this.start = start;
            this.latencies = new long[budget.maxArticlesPerThread()];
        }

        @Override
        public void run() {
            try {
                long warmupEnd = System.nanoTime() + budget.warmupMillis() * 1_000_000;
                while (System.nanoTime() < warmupEnd) {
                    matcher.match(nextArticle());
                }
                start.await();
                long begin = System.nanoTime();
                long end = begin + budget.measureMillis() * 1_000_000;
                long now = begin;
                while (now < end && count < latencies.length) {
                    matches += matcher.match(nextArticle());
                    long after = System.nanoTime();
                    latencies[count++] = after - now;
                    now = after;
                }
                elapsedNanos = now - begin;
            } catch (Exception e) {
                failure = e;
            }
        }

        private Article nextArticle() {
            Article article = articles.get(next);
            next = (next + 1) % articles.size();
            return article;
        }
    }
}
