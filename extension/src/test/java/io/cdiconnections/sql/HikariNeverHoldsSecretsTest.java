package io.cdiconnections.sql;

import static io.cdiconnections.sql.SqlTestSupport.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.cdiconnections.ConnectionContext;
import io.cdiconnections.test.LogCapture;

/**
 * HikariCP's DEBUG dump of its configuration masks only a data source property named exactly
 * {@code password}; secret-looking driver properties ({@code sslpassword}, {@code api_key},
 * {@code client_secret}, ...) are handed to the pool inside a data source it does not print.
 */
class HikariNeverHoldsSecretsTest {

    private static final String SECRET = "Hk" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);

    @Test
    void secretLookingDriverPropertiesAreNotInHikarisConfigurationDump() {
        SQLConnection sql = new SQLConnection(ConnectionContext.of(uniqueName("hkprops"), SqlTestSupport.options(
                "url", SqlTestSupport.PG_URL, "username", "postgres", "password", SECRET + "pw",
                "query.sslpassword", SECRET + "ssl", "query.api_key", SECRET + "api",
                "create_engine_kwargs.connect_args.client_secret", SECRET + "client",
                "pool.dataSource.access_token", SECRET + "token", "query.ssl", "false",
                "pool.maximumPoolSize", "1")));
        try (LogCapture log = new LogCapture("").withHikariDebug()) {
            assertThat(sql.query("select 1 as one").as(Integer.class)).containsExactly(1);

            assertThat(log.printed()).contains("dataSourceProperties", "ssl=false").doesNotContain(SECRET);
            assertThat(sql.raw().getDataSourceProperties().toString() + sql.raw().getPassword()).doesNotContain(SECRET);
        } finally {
            sql.close();
        }
    }
}
