package io.herald.schedule;

import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/**
 * Where Quartz keeps the poll schedule: in memory for a single node (SQLite), or in PostgreSQL for a cluster, where
 * every node runs the same scheduler against the same tables and each due poll is taken by exactly one of them.
 */
public sealed interface ScheduleStore {
    /**
     * Quartz's scheduler name and job store properties for a scheduler of {@code threads} poll threads (which size
     * the job store's own database connections).
     */
    Properties properties(int threads);

    /** Whether the schedule is shared with other nodes (and survives this node). */
    boolean clustered();

    /** One node, schedule in memory; each start schedules every feed afresh from the database's next-poll times. */
    static ScheduleStore inMemory() {
        return new InMemory();
    }

    record InMemory() implements ScheduleStore {
        @Override
        public Properties properties(int threads) {
            Properties p = new Properties();
            p.setProperty("org.quartz.scheduler.instanceName", "herald-" + System.identityHashCode(this));
            p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
            return p;
        }

        @Override
        public boolean clustered() {
            return false;
        }
    }

    /**
     * Quartz's clustered JDBC job store on PostgreSQL (tables made by Herald's migration V3.1), through a HikariCP pool
     * of Quartz's own.
     *
     * @param url             {@code jdbc:postgresql://} URL without credentials
     * @param instanceId      this node's name in the cluster; unique among the nodes
     * @param checkinInterval how often a node tells the others it is alive; a node silent for about twice this long
     *                        (plus 7.5 s) is taken as dead and its polls in flight are run again elsewhere
     */
    record Clustered(String url, Optional<String> user, Optional<String> password, String instanceId,
                     Duration checkinInterval) implements ScheduleStore {
        /** The name all nodes of a Herald cluster share. */
        public static final String CLUSTER_NAME = "herald";
        public static final Duration DEFAULT_CHECKIN = Duration.ofSeconds(3);
        /** A poll due longer ago than this counts as missed (e.g. every node was down) and is run once, at once. */
        public static final Duration MISFIRE_THRESHOLD = Duration.ofSeconds(30);

        @Override
        public Properties properties(int threads) {
            Properties p = new Properties();
            p.setProperty("org.quartz.scheduler.instanceName", CLUSTER_NAME);
            p.setProperty("org.quartz.scheduler.instanceId", instanceId);
            p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
            p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
            p.setProperty("org.quartz.jobStore.tablePrefix", "qrtz_");
            p.setProperty("org.quartz.jobStore.isClustered", "true");
            p.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(checkinInterval.toMillis()));
            p.setProperty("org.quartz.jobStore.misfireThreshold", Long.toString(MISFIRE_THRESHOLD.toMillis()));
            p.setProperty("org.quartz.jobStore.useProperties", "true");
            p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
            // several due polls per trip to the database (none early: polls keep their interval exactly)
            p.setProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", Integer.toString(threads));
            p.setProperty("org.quartz.scheduler.batchTriggerAcquisitionFireAheadTimeWindow", "0");
            p.setProperty("org.quartz.jobStore.makeThreadsDaemons", "true");
            p.setProperty("org.quartz.jobStore.dataSource", "herald");
            String ds = "org.quartz.dataSource.herald.";
            p.setProperty(ds + "provider", "hikaricp");
            p.setProperty(ds + "driver", "org.postgresql.Driver");
            p.setProperty(ds + "URL", url + (url.contains("?") ? "&" : "?")
                    + "ApplicationName=herald-quartz&connectTimeout=10&socketTimeout=120&tcpKeepAlive=true");
            user.ifPresent(u -> p.setProperty(ds + "user", u));
            password.ifPresent(pw -> p.setProperty(ds + "password", pw));
            p.setProperty(ds + "maxConnections", Integer.toString(Math.min(threads + 2, 6)));
            p.setProperty(ds + "poolName", "herald-quartz");
            p.setProperty(ds + "connectionTimeout", "10000");
            return p;
        }

        @Override
        public boolean clustered() {
            return true;
        }

        @Override
        public String toString() {
            return "Clustered[" + url + ", instanceId=" + instanceId + ", password=" + (password.isPresent() ? "***"
                    : "unset") + "]";
        }
    }
}
