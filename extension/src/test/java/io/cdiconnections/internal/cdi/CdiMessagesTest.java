package io.cdiconnections.internal.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.cdiconnections.test.CountingConnection;

/** The texts of CdiMessages not already asserted by the tests of their feature. */
class CdiMessagesTest {

    @Test
    void injectionPointProblem() {
        assertThat(CdiMessages.injectionPointProblem("OrderService.sql", "Connection 'sql' has no type."))
                .isEqualTo("Injection point OrderService.sql: Connection 'sql' has no type.");
    }

    @Test
    void validationFailed() {
        assertThat(CdiMessages.validationFailed("sql", CountingConnection.class, new NullPointerException()))
                .isEqualTo("Connection 'sql': checking its configuration with CountingConnection.validate(...) failed "
                        + "with java.lang.NullPointerException. A validate method should throw "
                        + "ConnectionConfigException naming the missing key, as params.require(\"url\") does.");
    }
}
