package io.cdiconnections.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The memory goal of streaming (issue 16): 1,000,000 rows of 5 columns from PostgreSQL (and MariaDB) in a JVM
 * of 128 MB of heap, the heap in use after GC growing by at most 32 MB while they are read. A
 * bound on bytes, never on time.
 */
class SqlStreamMemoryTest {

    @Test
    void aMillionRowsOfFiveColumnsStreamFromPostgresInAHundredAndTwentyEightMegabyteHeap() throws Exception {
        streamsInASmallHeap("postgresql");
    }

    @Test
    void aMillionRowsOfFiveColumnsStreamFromMariaDbInAHundredAndTwentyEightMegabyteHeap() throws Exception {
        streamsInASmallHeap("mariadb");
    }

    private static void streamsInASmallHeap(String db) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx128m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                StreamMemoryProbe.class.getName(), db).redirectErrorStream(true).start();
        String out = read(p);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("the probe ended").isTrue();
        assertThat(p.exitValue()).as("the probe's exit status; its output:%n%s", out).isZero();
        Matcher m = Pattern.compile("rows=(\\d+) sum=\\d+ peakGrowthBytes=(-?\\d+)").matcher(out);
        assertThat(m.find()).as("the probe's output:%n%s", out).isTrue();
        long rows = Long.parseLong(m.group(1));
        long growth = Long.parseLong(m.group(2));
        System.out.printf("%s: streamed %d rows x 5 columns in -Xmx128m: peak heap growth after GC %d KB%n", db,
                rows, growth / 1024);
        assertThat(rows).isEqualTo(StreamMemoryProbe.ROWS);
        assertThat(growth).as("peak heap growth, bytes").isLessThanOrEqualTo(32L * 1024 * 1024);
    }

    private static String read(Process p) throws IOException {
        byte[] all = p.getInputStream().readAllBytes();
        String text = new String(all, StandardCharsets.UTF_8);
        List<String> lines = text.lines().filter(l -> !l.startsWith("INFO") && !l.contains("com.zaxxer")).toList();
        return String.join("\n", lines);
    }
}
