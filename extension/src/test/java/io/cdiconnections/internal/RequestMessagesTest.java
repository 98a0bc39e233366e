package io.cdiconnections.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The texts of RequestMessages not already asserted by the tests of their feature. */
class RequestMessagesTest {

    @Test
    void malformedOptionOfAnAnnotationNeverShowsTheValue() {
        assertThat(RequestMessages.malformedOption("sql", "=hunter2", "@Connection(name = \"sql\", options = {...})"))
                .isEqualTo("Connection 'sql': the option \"=...\" in @Connection(name = \"sql\", options = {...}) is "
                        + "not of the form key=value. Write options = {\"database=reports\"}, the key as in the "
                        + "[connections.sql] section of secrets.toml.");
    }
}
