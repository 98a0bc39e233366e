package io.cdiconnections.sql;

import static io.cdiconnections.sql.SqlTestSupport.postgres;
import static io.cdiconnections.sql.SqlTestSupport.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.hazelcast.core.Hazelcast;

/**
 * Two instances of an application in two JVMs, members of one Hazelcast grid on 127.0.0.1: this
 * test's JVM and a {@link GridMember} it starts. PostgreSQL counts executions (each is a
 * {@code nextval}): within a ttl a query runs once for both, after it once more, a configuration
 * changed on both is another entry, and killing the second JVM mid-run fails no query of the first.
 */
class TwoJvmGridTest {

    private static final String PASSWORD = "grid-two-jvm-secret";
    private final String seq = "cdi_grid2_seq_" + ProcessHandle.current().pid();
    private final String name = uniqueName("grid2");
    private final String longSql = "select nextval('" + seq + "') as n";
    private final String shortSql = "select nextval('" + seq + "') + 0 as n";
    private final String churnSql = "select nextval('" + seq + "') + 1 - 1 as n";
    private SQLConnection admin;
    private SQLConnection sql;
    private Process member;
    private PrintWriter toMember;
    private BufferedReader fromMember;

    @BeforeEach
    void start() throws IOException {
        admin = postgres(uniqueName("grid2_admin"));
        admin.update("create sequence " + seq);
        admin.query("select nextval('" + seq + "')"); // last_value counts executions from here on
        sql = open();
        assertThat(value(sql, "select 1 as warm", Duration.ofMinutes(1))).isEqualTo(1); // member 1 starts
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))));
        command.addAll(GridSupport.jvmProperties());
        command.addAll(List.of(GridMember.class.getName(), name, PASSWORD, "long=" + longSql, "short=" + shortSql,
                "warm=select 1 as warm"));
        member = new ProcessBuilder(command).redirectError(new File("target/grid-member.log")).start();
        toMember = new PrintWriter(member.getOutputStream(), true, StandardCharsets.UTF_8);
        fromMember = new BufferedReader(new InputStreamReader(member.getInputStream(), StandardCharsets.UTF_8));
        assertThat(fromMember.readLine()).isEqualTo("started");
    }

    @AfterEach
    void stop() throws InterruptedException {
        try {
            if (member != null) {
                member.destroyForcibly();
                member.waitFor(10, TimeUnit.SECONDS);
            }
        } finally {
            sql.close();
            Hazelcast.shutdownAll();
            admin.update("drop sequence if exists " + seq);
            admin.close();
        }
    }

    private SQLConnection open(String... extra) {
        return postgres(name, GridSupport.jcache(concat("password", PASSWORD, extra)));
    }

    private static String[] concat(String k, String v, String... more) {
        List<String> all = new ArrayList<>(List.of(k, v));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private static long value(SQLConnection c, String q, Duration ttl) {
        return ((Number) c.query(q, QueryOptions.defaults().ttl(ttl)).get(0, 0)).longValue();
    }

    private String ask(String line) throws IOException {
        toMember.println(line);
        String answer = fromMember.readLine();
        assertThat(answer).as("member 2's answer to %s", line).isNotNull().doesNotStartWith("error");
        return answer;
    }

    private long memberQuery(String query, Duration ttl) throws IOException {
        return Long.parseLong(ask("query " + query + " " + ttl.toMillis()).substring("value ".length()));
    }

    private long executions() {
        return ((Number) admin.query("select last_value from " + seq).get(0, 0)).longValue();
    }

    @Test
    @Timeout(90)
    void aQueryRunsOncePerTtlForBothJvmsAConfigChangeInvalidatesAndAKilledMemberBreaksNothing() throws Exception {
        assertThat(memberQuery("warm", Duration.ofMinutes(1))).isEqualTo(1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!ask("members").equals("members 2")) {
            assertThat(System.nanoTime()).as("the second JVM joins the grid within 30 s").isLessThan(deadline);
            Thread.sleep(200);
        }

        // once for both within the ttl
        long start = executions();
        long n = value(sql, longSql, Duration.ofSeconds(60));
        assertThat(memberQuery("long", Duration.ofSeconds(60))).as("member 2 reads member 1's result").isEqualTo(n);
        assertThat(value(sql, longSql, Duration.ofSeconds(60))).isEqualTo(n);
        assertThat(executions() - start).isEqualTo(1);

        // once more after the ttl, then shared again
        long s = memberQuery("short", Duration.ofMillis(1500));
        assertThat(value(sql, shortSql, Duration.ofMillis(1500))).isEqualTo(s);
        Thread.sleep(1700);
        long s2 = value(sql, shortSql, Duration.ofMillis(1500));
        assertThat(s2).as("run again after the ttl").isGreaterThan(s);
        assertThat(memberQuery("short", Duration.ofMillis(1500))).isEqualTo(s2);
        assertThat(executions() - start).isEqualTo(3);

        // a configuration changed on both: another entry, shared again
        sql.close();
        sql = open("retry_attempts", "2");
        assertThat(ask("config retry_attempts 2")).isEqualTo("configured");
        long changed = value(sql, longSql, Duration.ofSeconds(60));
        assertThat(changed).as("the old configuration's entry is not read").isNotEqualTo(n);
        assertThat(memberQuery("long", Duration.ofSeconds(60))).isEqualTo(changed);
        assertThat(executions() - start).isEqualTo(4);

        // member 2 killed while member 1 queries: every query answers
        List<Long> results = new ArrayList<>();
        long slowest = 0;
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(6);
        boolean killed = false;
        while (System.nanoTime() < end) {
            long t0 = System.nanoTime();
            results.add(value(sql, churnSql, Duration.ofMillis(100)));
            slowest = Math.max(slowest, System.nanoTime() - t0);
            if (!killed && results.size() >= 5) {
                member.destroyForcibly();
                killed = true;
            }
            Thread.sleep(20);
        }
        assertThat(member.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(results).hasSizeGreaterThan(10).isSorted();
        assertThat(value(sql, longSql, Duration.ofSeconds(60))).as("the grid still serves member 1").isEqualTo(changed);
        System.out.printf("TwoJvmGridTest: %d queries across the kill, slowest %d ms, grid failures %d%n",
                results.size(), TimeUnit.NANOSECONDS.toMillis(slowest), sql.caches().shared().failures());
    }
}
