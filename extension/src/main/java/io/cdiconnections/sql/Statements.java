package io.cdiconnections.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/** Runs one bound statement on a JDBC connection: the JDBC that query, update and transactions share. */
final class Statements {

    private Statements() {
    }

    /**
     * @return the first result set as a table, or null when the statement returned none
     */
    static Table query(Connection c, NamedSql.Bound bound, QueryOptions options) throws SQLException {
        return query(c, bound, options, Table::read);
    }

    /** Reads the result set of a statement: whole into a {@link Table}, or mapped row by row. */
    @FunctionalInterface
    interface Reader<X> {
        X read(ResultSet rs) throws SQLException;
    }

    /**
     * @return what the reader made of the first result set, or null when the statement returned none
     */
    static <X> X query(Connection c, NamedSql.Bound bound, QueryOptions options, Reader<X> reader)
            throws SQLException {
        try (PreparedStatement ps = prepare(c, bound, options)) {
            if (!execute(ps)) {
                return null;
            }
            try (ResultSet rs = ps.getResultSet()) {
                return reader.read(rs);
            }
        }
    }

    /** @return the statement with its limits, fetch size and values set; the caller closes it */
    static PreparedStatement prepare(Connection c, NamedSql.Bound bound, QueryOptions options) throws SQLException {
        PreparedStatement ps = c.prepareStatement(bound.sql());
        try {
            if (options.maxRows() > 0) {
                ps.setMaxRows(options.maxRows());
            }
            if (options.fetchSize() > 0) { // some drivers refuse a fetch size above the row limit
                ps.setFetchSize(options.maxRows() > 0 ? Math.min(options.fetchSize(), options.maxRows()) : options.fetchSize());
            }
            if (options.timeout().isPresent()) {
                ps.setQueryTimeout((int) Math.max(1, options.timeout().get().toSeconds()));
            }
            bind(ps, bound.values());
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    /** @return whether the statement produced a result set, past any update counts before it */
    static boolean execute(PreparedStatement ps) throws SQLException {
        boolean isResultSet = ps.execute();
        while (!isResultSet && ps.getUpdateCount() != -1) {
            isResultSet = ps.getMoreResults();
        }
        return isResultSet;
    }

    /** @return the number of rows the statement changed */
    static int update(Connection c, NamedSql.Bound bound) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(bound.sql())) {
            bind(ps, bound.values());
            return ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, List<Object> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            Object v = Values.toJdbc(values.get(i));
            if (v == null) {
                ps.setNull(i + 1, Types.NULL);
            } else {
                ps.setObject(i + 1, v);
            }
        }
    }
}
