package io.cdiconnections.sql;

import static io.cdiconnections.sql.SqlTestSupport.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * Whether a typed read takes pgjdbc's typed date getters is decided once per raw instance (pool),
 * on its first result, not per query: the same answer {@link ResultMapper#pgjdbc} gives, seen
 * through HikariCP's wrappers.
 */
class PoolDriverTest {

    @Test
    void aRawInstanceIsDecidedOnItsFirstResultAndANewOneAnew() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        PoolDriver drivers = new PoolDriver(rs -> {
            asked.incrementAndGet();
            return ResultMapper.pgjdbc(rs);
        });
        Object pool = new Object();
        Object next = new Object();
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:"); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select 1")) {
            assertThat(drivers.pgjdbc(pool, rs)).isFalse();
            assertThat(drivers.pgjdbc(pool, rs)).isFalse();
            assertThat(asked).as("asked for the first result of the pool only").hasValue(1);
            drivers.pgjdbc(next, rs);
            assertThat(asked).as("a new pool (a reset) is asked again").hasValue(2);
            drivers.pgjdbc(next, rs);
            assertThat(asked).hasValue(2);
        }
    }

    @Test
    void aPostgresPoolIsPgjdbcsAndAnH2PoolIsNot() throws Exception {
        try (SQLConnection pg = SqlTestSupport.postgres(uniqueName("pooldriver"));
                SQLConnection h2 = SqlTestSupport.h2(uniqueName("pooldriver"))) {
            for (SQLConnection sql : new SQLConnection[] {pg, h2}) {
                try (Connection c = sql.raw().getConnection(); Statement st = c.createStatement();
                        ResultSet rs = st.executeQuery("select 1 as one")) {
                    assertThat(new PoolDriver().pgjdbc(sql.raw(), rs)).as(sql.name()).isEqualTo(sql == pg);
                }
            }
        }
    }
}
