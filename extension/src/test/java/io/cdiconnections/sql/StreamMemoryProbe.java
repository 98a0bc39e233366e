package io.cdiconnections.sql;

import java.util.stream.Stream;

/**
 * Run by {@link SqlStreamMemoryTest} in a JVM of its own with {@code -Xmx128m}: streams
 * 1,000,000 rows of 5 columns from the local PostgreSQL (or MariaDB) and prints the row count and the largest
 * growth of the heap in use after a full GC, sampled every 100,000 rows, over the heap before the
 * stream was opened. A result read whole would not fit in that heap.
 */
public final class StreamMemoryProbe {

    static final int ROWS = 1_000_000;
    static final String QUERY = "select i, i * 2 as twice, 'row number ' || i as note, now() as at,"
            + " i::numeric / 3 as third from generate_series(1, " + ROWS + ") i";
    static final String MARIADB_QUERY = "select seq as i, seq * 2 as twice, concat('row number ', seq) as note,"
            + " now() as at, seq / 3 as third from seq_1_to_" + ROWS;

    private StreamMemoryProbe() {
    }

    /** @param args {@code postgresql} (the default) or {@code mariadb} */
    public static void main(String[] args) {
        boolean mariadb = args.length > 0 && args[0].equals("mariadb");
        String name = SqlTestSupport.uniqueName("streammem");
        SQLConnection sql = mariadb ? SqlTestSupport.mariadb(name) : SqlTestSupport.postgres(name);
        String query = mariadb ? MARIADB_QUERY : QUERY;
        try {
            try (Stream<Row> warm = sql.stream(query.replace(Integer.toString(ROWS), "1000"), QueryOptions.defaults())) {
                warm.forEach(r -> r.get("note"));
            }
            long before = usedAfterGc();
            long peak = 0;
            long n = 0;
            long sum = 0;
            try (Stream<Row> rows = sql.stream(query, QueryOptions.defaults())) {
                var it = rows.iterator();
                while (it.hasNext()) {
                    Row r = it.next();
                    sum += ((Number) r.get(0)).longValue() + r.values().size();
                    if (++n % 100_000 == 0) {
                        peak = Math.max(peak, usedAfterGc() - before);
                    }
                }
            }
            System.out.println("rows=" + n + " sum=" + sum + " peakGrowthBytes=" + peak);
        } finally {
            sql.close();
        }
    }

    static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }
}
