package io.cdiconnections.internal.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.cdiconnections.test.CountingConnection;

/** The texts of RegistryMessages not already asserted by the tests of their feature. */
class RegistryMessagesTest {

    @Test
    void twoPoolsWithBounds() {
        assertThat(RegistryMessages.twoPools("sql", CountingConnection.class, null, -1, Duration.ofMinutes(1), 3))
                .contains("(ttl forever, maxEntries unbounded and ttl PT1M, maxEntries 3)");
    }
}
