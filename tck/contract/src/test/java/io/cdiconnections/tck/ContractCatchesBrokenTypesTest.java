package io.cdiconnections.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

import io.cdiconnections.ConnectionContext;
import io.cdiconnections.ConnectionParameters;

/**
 * The contract fails a type that breaks it: each broken type below spoils {@link H2Connection} in
 * one way, runs the whole contract through the JUnit Platform test kit, and must fail exactly the
 * tests that check what it spoils. (The nested classes are not run by Surefire itself.)
 */
class ContractCatchesBrokenTypesTest {

    @Test
    void aTypeThatNeverClosesItsRawInstanceFailsEveryCloseCheck() {
        assertThat(failedTests(NeverClosesContract.class)).containsExactlyInAnyOrder(
                "resetClosesTheOldRawInstanceAndTheNextUseConnectsAgain",
                "resetWaitsForTheUsesInFlight",
                "ttlExpiryClosesTheRawInstanceAndTheNextUseConnectsAgain",
                "ttlExpiryWaitsForTheUsesInFlight",
                "maxEntriesEvictionClosesTheLeastRecentlyUsedRawInstance",
                "maxEntriesEvictionWaitsForTheUsesInFlight",
                "editingItsOwnSectionOnDiskResetsTheConnection",
                "brokenThenRepairedSecretsAreSeenByTheNextUse",
                "closingTheRegistryClosesEveryRawInstance",
                "closingTwiceIsHarmless",
                "closingTheRegistryWaitsForTheUsesInFlight");
    }

    @Test
    void aTypeThatLogsItsPasswordFailsTheLeakCheck() {
        assertThat(failedTests(LogsPasswordContract.class)).containsExactlyInAnyOrder(
                "failingConnectShowsNoSecretValueInAnyExceptionOrLogRecord", "toStringShowsNoSecretValue");
    }

    @Test
    void aTypeWhoseSecretKeyIsNotRecognisedAsSecretFailsTheLeakChecks() {
        assertThat(failedTests(UnusualSecretKeyContract.class))
                .containsExactly("failingConnectShowsNoSecretValueInAnyExceptionOrLogRecord");
    }

    @Test
    void aTypeThatIgnoresOptionsFailsTheOptionChecks() {
        assertThat(failedTests(IgnoresOptionsContract.class)).containsExactlyInAnyOrder(
                "optionsGivenInCodeAloneAreEnoughToConnect", "optionsGivenInCodeOverrideSecrets",
                "failingConnectShowsNoSecretValueInAnyExceptionOrLogRecord");
    }

    @Test
    void aTypeThatCannotBeProxiedFailsTheInjectionCheck() {
        assertThat(failedTests(UnproxyableContract.class)).containsExactly("classCanBeInjectedThroughAClientProxy");
    }

    @Test
    void aRawInstanceThatCannotTellItIsClosedAsksForTheHook() {
        EngineExecutionResults results = run(OpaqueRawContract.class);
        assertThat(results.testEvents().failed().stream()
                .map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable()
                        .map(Throwable::getMessage).orElse(""))
                .filter(m -> m.contains("Override isClosed(R raw)"))).isNotEmpty();
    }

    private static Set<String> failedTests(Class<?> contract) {
        Set<String> failed = new TreeSet<>();
        run(contract).testEvents().failed().stream()
                .forEach(e -> failed.add(e.getTestDescriptor().getDisplayName().replace("()", "")));
        return failed;
    }

    private static EngineExecutionResults run(Class<?> contract) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(contract)).execute();
    }

    /** The working and wrong sections of {@link H2ConnectionContractTest}, with little patience. */
    abstract static class BrokenContract<C extends H2Connection> extends ConnectionContract<C, java.sql.Connection> {
        private final H2ConnectionContractTest good = new H2ConnectionContractTest();

        @Override
        protected Section workingSection() {
            return good.workingSection();
        }

        @Override
        protected Section wrongSection(String secret) {
            return good.wrongSection(secret);
        }

        /**
         * Short, so that the wrong types' time-outs stay cheap, but not so short that a loaded
         * machine fails a working section's wait too (1 s did, for Unproxyable's reset test).
         */
        @Override
        protected Duration patience() {
            return Duration.ofSeconds(3);
        }
    }

    /** close(R) forgets to close. */
    public static class NeverCloses extends H2Connection {
        public NeverCloses(ConnectionContext context) {
            super(context);
        }

        protected NeverCloses() {
        }

        @Override
        protected void close(java.sql.Connection raw) {
        }
    }

    static class NeverClosesContract extends BrokenContract<NeverCloses> {
        @Override
        protected Class<NeverCloses> connectionClass() {
            return NeverCloses.class;
        }
    }

    /** connect(...) logs the URL and password it connects with, as a debugging aid. */
    public static class LogsPassword extends H2Connection {
        public LogsPassword(ConnectionContext context) {
            super(context);
        }

        protected LogsPassword() {
        }

        @Override
        protected java.sql.Connection connect(ConnectionParameters params) throws Exception {
            System.getLogger(LogsPassword.class.getName()).log(System.Logger.Level.DEBUG,
                    "connecting to " + params.get("url").orElse("") + " with " + params.get("password").orElse(""));
            return super.connect(params);
        }
    }

    static class LogsPasswordContract extends BrokenContract<LogsPassword> {
        @Override
        protected Class<LogsPassword> connectionClass() {
            return LogsPassword.class;
        }
    }

    /** Takes its password from a key ({@code pin}) no redaction knows, and quotes it when it fails. */
    public static class UnusualSecretKey extends H2Connection {
        public UnusualSecretKey(ConnectionContext context) {
            super(context);
        }

        protected UnusualSecretKey() {
        }

        @Override
        protected java.sql.Connection connect(ConnectionParameters params) throws Exception {
            try {
                return java.sql.DriverManager.getConnection(params.require("url"), "sa", params.get("pin").orElse(""));
            } catch (java.sql.SQLException e) {
                throw new java.sql.SQLException("login with pin " + params.get("pin").orElse("") + " failed", e);
            }
        }
    }

    static class UnusualSecretKeyContract extends BrokenContract<UnusualSecretKey> {
        @Override
        protected Class<UnusualSecretKey> connectionClass() {
            return UnusualSecretKey.class;
        }

        @Override
        protected Section workingSection() {
            return Section.of(Map.of("url", "jdbc:h2:mem:contract_pin", "pin", "1234"));
        }

        @Override
        protected Section wrongSection(String secret) {
            return Section.of(Map.of("url", "jdbc:h2:mem:contract_pin_missing;IFEXISTS=TRUE", "pin", secret));
        }
    }

    /** Reads its secrets section directly, so options given in code are lost. */
    public static class IgnoresOptions extends H2Connection {
        public IgnoresOptions(ConnectionContext context) {
            super(context);
        }

        protected IgnoresOptions() {
        }

        @Override
        protected java.sql.Connection connect(ConnectionParameters params) throws Exception {
            return super.connect(secrets());
        }
    }

    static class IgnoresOptionsContract extends BrokenContract<IgnoresOptions> {
        @Override
        protected Class<IgnoresOptions> connectionClass() {
            return IgnoresOptions.class;
        }
    }

    /** No no-argument constructor, and a final method: fine in Weld SE, refused by every server. */
    public static class Unproxyable extends H2Connection {
        public Unproxyable(ConnectionContext context) {
            super(context);
        }

        public final String greeting() {
            return "hello";
        }
    }

    static class UnproxyableContract extends BrokenContract<Unproxyable> {
        @Override
        protected Class<Unproxyable> connectionClass() {
            return Unproxyable.class;
        }
    }

    /** A raw instance that says nothing about being closed, and a contract that does not say how to tell. */
    public static class OpaqueRaw extends io.cdiconnections.BaseConnection<Object> {
        public OpaqueRaw(ConnectionContext context) {
            super(context);
        }

        protected OpaqueRaw() {
        }

        @Override
        protected Object connect(ConnectionParameters params) {
            return new Object();
        }
    }

    static class OpaqueRawContract extends ConnectionContract<OpaqueRaw, Object> {
        @Override
        protected Class<OpaqueRaw> connectionClass() {
            return OpaqueRaw.class;
        }

        @Override
        protected Section workingSection() {
            return Section.of(Map.of("anything", "1"));
        }
    }
}
