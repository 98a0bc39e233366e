package io.cdiconnections.it.redeploy.app;

import java.io.IOException;
import java.time.Duration;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.cdiconnections.Connection;
import io.cdiconnections.sql.QueryOptions;
import io.cdiconnections.sql.SQLConnection;

/**
 * {@code GET /use}: uses everything of the library that starts a thread or holds a resource: a
 * PostgreSQL pool (HikariCP's housekeeper, sessions), with a ttl (the registry's timer) and a
 * cached query (the result cache), through an injection point.
 */
@WebServlet("/use")
public class RedeployServlet extends HttpServlet {

    @Inject
    @Connection(name = "redeploy", ttl = "PT1H")
    SQLConnection database;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object catalog = database.query("select current_catalog",
                QueryOptions.defaults().ttl(Duration.ofMinutes(1))).get(0, 0);
        response.setContentType("text/plain");
        response.getWriter().print(catalog);
    }
}
