package io.cdiconnections.sql;

import static io.cdiconnections.sql.SqlTestSupport.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.h2.jdbc.JdbcConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The connection {@code sql.connection()} hands out ({@link LeasedConnection#wrap}) and the one a
 * shared session hands out ({@link LeasedConnection#share}), over real H2 connections.
 */
class LeasedConnectionTest {

    /** What the handle answers for itself; everything else goes to the target. */
    private static final Set<String> ITS_OWN = Set.of("close", "abort", "isClosed", "isValid", "unwrap",
            "isWrapperFor");

    private final AtomicInteger releases = new AtomicInteger();
    private Connection target;

    @BeforeEach
    void open() throws SQLException {
        target = DriverManager.getConnection("jdbc:h2:mem:" + uniqueName("leased"));
    }

    @AfterEach
    void closeTarget() throws SQLException {
        target.close();
    }

    @Test
    void closingReleasesTheLeaseOnceAndClosesThePooledConnection() throws SQLException {
        Connection c = LeasedConnection.wrap(target, releases::incrementAndGet);
        assertThat(c.isClosed()).isFalse();

        c.close();
        c.close(); // harmless

        assertThat(releases).hasValue(1);
        assertThat(target.isClosed()).isTrue();
        assertThat(c.isClosed()).isTrue();
        assertThatThrownBy(c::createStatement).isInstanceOf(SQLException.class); // the driver's own answer
    }

    @Test
    void abortingReleasesTheLeaseOnceAndAbortsThePooledConnection() throws SQLException {
        Connection c = LeasedConnection.wrap(target, releases::incrementAndGet);

        c.abort(Runnable::run); // H2's abort does nothing; that it is called is asserted below
        c.abort(Runnable::run);
        c.close();

        assertThat(releases).hasValue(1);
        assertThat(c.isClosed()).isTrue();
    }

    @Test
    void theLeaseIsReleasedEvenWhenClosingThePooledConnectionFails() throws SQLException {
        Connection c = LeasedConnection.wrap(target, () -> {
            releases.incrementAndGet();
            throw new IllegalStateException("pool gone");
        });

        assertThatThrownBy(c::close).hasMessage("pool gone");
        c.close();

        assertThat(releases).hasValue(1);
        assertThat(target.isClosed()).isTrue();
    }

    @Test
    void isClosedAlsoSeesThePooledConnectionClosedUnderneath() throws SQLException {
        Connection c = LeasedConnection.wrap(target, releases::incrementAndGet);

        target.close();

        assertThat(c.isClosed()).isTrue();
        assertThat(releases).hasValue(0); // only the caller's close gives the lease back
    }

    @Test
    void aHandleEqualsOnlyItself() {
        Connection a = LeasedConnection.wrap(target, releases::incrementAndGet);
        Connection b = LeasedConnection.wrap(target, releases::incrementAndGet);

        assertThat(a).isEqualTo(a).isNotEqualTo(b).isNotEqualTo(target);
        assertThat(a.hashCode()).isEqualTo(System.identityHashCode(a));
    }

    @Test
    void toStringNamesThePooledConnectionAndWhetherItIsClosed() throws SQLException {
        Connection c = LeasedConnection.wrap(target, releases::incrementAndGet);
        assertThat(c).hasToString("LeasedConnection[" + target + "]");

        c.close();

        assertThat(c).hasToString("LeasedConnection[" + target + ", closed]");
    }

    @Test
    void unwrapAnswersForItselfFirstThenForThePooledConnection() throws SQLException {
        Connection c = LeasedConnection.wrap(target, releases::incrementAndGet);

        assertThat(c.unwrap(Connection.class)).isSameAs(c);
        assertThat(c.unwrap(LeasedConnection.class)).isSameAs(c);
        assertThat(c.unwrap(JdbcConnection.class)).isSameAs(target);
        assertThat(c.isWrapperFor(Connection.class)).isTrue();
        assertThat(c.isWrapperFor(JdbcConnection.class)).isTrue();
        assertThat(c.isWrapperFor(String.class)).isFalse();
        assertThatThrownBy(() -> c.unwrap(String.class)).isInstanceOf(SQLException.class);
    }

    @Test
    void everyOtherCallGoesToTheSameMethodOfThePooledConnection() throws Exception {
        List<Method> reached = new ArrayList<>();
        Connection recorded = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    reached.add(method);
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        Connection c = LeasedConnection.wrap(recorded, releases::incrementAndGet);

        for (Method m : Connection.class.getMethods()) {
            if (m.getName().equals("close") || m.getName().equals("abort")
                    || java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
                continue; // they end the lease: below
            }
            reached.clear();
            call(c, m);
            assertThat(reached).as(m.toString()).singleElement().satisfies(r -> sameSignature(r, m));
        }
        reached.clear();
        c.abort(Runnable::run);
        c.abort(Runnable::run);
        c.close();
        assertThat(reached).singleElement().satisfies(r -> sameSignature(r, Connection.class.getMethod("abort",
                java.util.concurrent.Executor.class)));
        assertThat(releases).hasValue(1);

        Connection other = LeasedConnection.wrap(recorded, releases::incrementAndGet);
        reached.clear();
        other.close();
        other.close();
        assertThat(reached).singleElement().satisfies(r -> sameSignature(r, Connection.class.getMethod("close")));
        assertThat(releases).hasValue(2);
    }

    private static void sameSignature(Method reached, Method called) {
        assertThat(reached.getName()).as(called.toString()).isEqualTo(called.getName());
        assertThat(reached.getParameterTypes()).as(called.toString()).isEqualTo(called.getParameterTypes());
    }

    // ------------------------------------------------------------------ shared

    @Test
    void closingASharedConnectionReleasesOnceAndLeavesTheSessionOpen() throws SQLException {
        Connection c = LeasedConnection.share(target, releases::incrementAndGet);
        try (ResultSet rs = c.createStatement().executeQuery("select 1")) {
            assertThat(rs.next()).isTrue();
        }

        c.close();
        c.close();

        assertThat(releases).hasValue(1);
        assertThat(c.isClosed()).isTrue();
        assertThat(target.isClosed()).isFalse();
        try (ResultSet rs = target.createStatement().executeQuery("select 1")) {
            assertThat(rs.next()).isTrue();
        }
        assertThat(c).hasToString("LeasedConnection[" + target + ", closed]");
    }

    @Test
    void abortingASharedConnectionReleasesOnceAndLeavesTheSessionToTheOtherCallers() throws SQLException {
        Connection c = LeasedConnection.share(target, releases::incrementAndGet);

        c.abort(Runnable::run);
        c.abort(Runnable::run);

        assertThat(releases).hasValue(1);
        assertThat(c.isClosed()).isTrue();
        assertThat(target.isClosed()).isFalse();
        try (ResultSet rs = target.createStatement().executeQuery("select 1")) {
            assertThat(rs.next()).isTrue();
        }
    }

    @Test
    void aClosedSharedConnectionRefusesEveryCallWith08003ExceptIsValidAndItsOwn() throws Exception {
        Connection c = LeasedConnection.share(target, releases::incrementAndGet);
        c.close();

        for (Method m : Connection.class.getMethods()) {
            if (ITS_OWN.contains(m.getName()) || java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            Throwable thrown = call(c, m);
            assertThat(thrown).as(m.toString()).isInstanceOf(SQLException.class);
            assertThat(((SQLException) thrown).getSQLState()).as(m.toString()).isEqualTo("08003");
            assertThat(thrown).as(m.toString())
                    .hasMessage("This connection was closed by its user; ask the handle for a new one.");
        }
        assertThat(c.isValid(1)).isTrue(); // the session still is
        assertThat(c.unwrap(Connection.class)).isSameAs(c);
        assertThat(c.isWrapperFor(Connection.class)).isTrue();
        assertThatThrownBy(() -> c.unwrap(JdbcConnection.class)).isInstanceOf(SQLException.class)
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08003");
        assertThatThrownBy(() -> c.isWrapperFor(JdbcConnection.class)).isInstanceOf(SQLException.class)
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08003");
        c.abort(Runnable::run); // already closed: nothing more
        assertThat(releases).hasValue(1);
        assertThat(target.isClosed()).isFalse();
    }

    /**
     * Calls {@code m} on {@code c} with neutral arguments (false, 0, null, String.class).
     *
     * @return what it threw, or null
     */
    private static Throwable call(Connection c, Method m) throws IllegalAccessException {
        Class<?>[] types = m.getParameterTypes();
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            if (types[i] == boolean.class) {
                args[i] = false;
            } else if (types[i] == int.class) {
                args[i] = 0;
            } else if (types[i] == Class.class) {
                args[i] = String.class;
            }
        }
        try {
            m.invoke(c, args);
            return null;
        } catch (InvocationTargetException e) {
            return e.getCause();
        }
    }
}
