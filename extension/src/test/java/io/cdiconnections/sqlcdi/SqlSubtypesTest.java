package io.cdiconnections.sqlcdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cdiconnections.Connection;
import io.cdiconnections.ConnectionTypeException;
import io.cdiconnections.Connections;
import io.cdiconnections.internal.cdi.ConnectionExtension;
import io.cdiconnections.sql.SQLConnection;
import io.cdiconnections.test.AuditedSqlConnection;
import io.cdiconnections.test.TestConfigSource;

/** A subclass of SQLConnection, named in code or in secrets, is what a request for a SQLConnection gets. */
class SqlSubtypesTest {

    static final String AUDITED = "io.cdiconnections.test.AuditedSqlConnection";

    @BeforeEach
    void secrets() {
        TestConfigSource.VALUES.put("connections.audited_secrets.type", AUDITED);
        TestConfigSource.VALUES.put("connections.audited_secrets.url", "jdbc:h2:mem:audited_secrets;DB_CLOSE_DELAY=-1");
        TestConfigSource.VALUES.put("connections.analytics.dialect", "h2");
    }

    @AfterEach
    void clearSecrets() {
        TestConfigSource.VALUES.clear();
    }

    @Dependent
    public static class Reports {
        @Inject
        @Connection(name = "audited_code", type = AUDITED, options = {"url=jdbc:h2:mem:audited_code;DB_CLOSE_DELAY=-1"})
        SQLConnection fromCode;

        @Inject
        @Connection(name = "audited_secrets")
        SQLConnection fromSecrets;
    }

    @Test
    void injectedSqlConnectionIsTheSubclassNamedInCodeOrSecrets() {
        try (WeldContainer weld = new Weld().disableDiscovery().addBeanClasses(Reports.class)
                .addExtension(new ConnectionExtension()).initialize()) {
            Reports r = weld.select(Reports.class).get();
            assertThat(r.fromCode).isInstanceOf(AuditedSqlConnection.class);
            assertThat(((AuditedSqlConnection) r.fromCode).audit()).isEqualTo("audited audited_code");
            assertThat(r.fromCode.query("select 1 as one").as(Integer.class)).containsExactly(1);
            assertThat(r.fromSecrets).isInstanceOf(AuditedSqlConnection.class);
            assertThat(r.fromSecrets.query("select 2 as two").as(Integer.class)).containsExactly(2);
        }
    }

    @Test
    void getWithSqlConnectionClassGivesTheSubclassInSecrets() {
        SQLConnection sql = Connections.get("audited_secrets", SQLConnection.class);
        assertThat(sql).isInstanceOf(AuditedSqlConnection.class);
        assertThat(sql.query("select 3 as three").as(Integer.class)).containsExactly(3);
        assertThat(Connections.get("audited_secrets", AuditedSqlConnection.class)).isSameAs(sql);
    }

    @Test
    void unrelatedTypesStillDisagree() {
        TestConfigSource.VALUES.put("connections.unrelated.type", "io.cdiconnections.test.CountingConnection");
        assertThatThrownBy(() -> Connections.get("unrelated", SQLConnection.class))
                .isInstanceOf(ConnectionTypeException.class)
                .hasMessageContaining("the Java type SQLConnection says SQLConnection but type = "
                        + "\"io.cdiconnections.test.CountingConnection\" in [connections.unrelated] says "
                        + "CountingConnection. Make them agree");
    }

    @Test
    void builderGetIsTypedByTheVariableAsInTheDesign() {
        // DESIGN.md's line, with an in-memory H2 database so that no file is written
        SQLConnection pg = Connections.builder("analytics").type("sql").option("database", "mem:reports").get();
        assertThat(pg.query("select 4 as four").as(Integer.class)).containsExactly(4);
        assertThat(pg.parameters().get("database")).contains("mem:reports");
    }
}
