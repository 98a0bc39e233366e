package io.cdiconnections.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;

import io.cdiconnections.sql.SQLConnection;

/** Our own SQLConnection keeps the contract, on embedded H2 (the HikariDataSource says when it is closed). */
class SqlConnectionH2ContractTest extends ConnectionContract<SQLConnection, HikariDataSource> {

    @Override
    protected Class<SQLConnection> connectionClass() {
        return SQLConnection.class;
    }

    @Override
    protected Section workingSection() {
        return Section.toml("""
                url = "jdbc:h2:mem:contract_sql"
                username = "sa"
                password = "sa-password"
                """);
    }

    @Override
    protected Section wrongSection(String secret) {
        // a database that does not exist: the pool's first connection fails at once
        return Section.of(Map.of("url", "jdbc:h2:mem:contract_sql_missing;IFEXISTS=TRUE", "username", "sa",
                "password", secret));
    }

    @Override
    protected void exercise(HikariDataSource raw) throws Exception {
        selectOne(raw);
    }

    static void selectOne(HikariDataSource raw) throws Exception {
        try (Connection c = raw.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isOne();
        }
    }
}
