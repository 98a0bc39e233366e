package io.cdiconnections.it.app;

import java.io.IOException;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.microprofile.config.ConfigProvider;

/** {@code GET /config?key=k}: the value of {@code k} as this application's MicroProfile Config sees it. */
@WebServlet("/config")
public class ConfigServlet extends HttpServlet {

    /** The body returned for a key that has no value. */
    public static final String MISSING = "<missing>";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String key = request.getParameter("key");
        String value = ConfigProvider.getConfig(Thread.currentThread().getContextClassLoader())
                .getOptionalValue(key, String.class)
                .orElse(MISSING);
        response.setContentType("text/plain");
        response.getWriter().print(value);
    }
}
