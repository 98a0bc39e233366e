package io.cdiconnections.it.connections.app;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.cdiconnections.Connection;
import io.cdiconnections.sql.SQLConnection;

/** A servlet with its own {@code @Connection} injection point. */
@WebServlet("/sql-servlet")
public class SqlServlet extends HttpServlet {

    @Inject
    @Connection(name = "sql")
    SQLConnection sql;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.getWriter().print(Identity.of(sql));
    }
}
