package io.cdiconnections.it.connections.app;

import java.io.IOException;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.cdiconnections.Connections;
import io.cdiconnections.sql.SQLConnection;

/**
 * {@code GET /database?name=n}: the database that connection {@code n} of this application
 * reaches, looked up through {@link Connections} (no injection point, so the WAR deploys whatever
 * its secrets say).
 */
@WebServlet("/database")
public class DatabaseServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SQLConnection connection = Connections.get(request.getParameter("name"), SQLConnection.class);
        response.setContentType("text/plain");
        response.getWriter().print(Databases.nameOf(connection));
    }
}
