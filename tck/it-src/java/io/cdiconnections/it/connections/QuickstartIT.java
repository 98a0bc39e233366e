package io.cdiconnections.it.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.Asset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.cdiconnections.it.Deployments;
import io.cdiconnections.it.Overrides;
import io.cdiconnections.it.Servers;

/**
 * The README's Quickstart on a real server: the WAR that docs-tests' {@code ReadmeQuickstartTest}
 * built from the README's own text, deployed as it is but for the one line the README asks a
 * person to change (the database {@code url} in secrets.toml, here the local PostgreSQL), the
 * README's table created, and the README's {@code curl} URL answering the README's JSON.
 *
 * <p>The suites' server runs with {@code CONNECTIONS_SQL_USERNAME} in its environment (see
 * {@link Overrides}), which applies to every WAR's {@code sql} connection, this one's too: the very
 * override the README describes. So the table is readable by that role.
 */
@Tag("extension")
@Tag("sql")
@ExtendWith(ArquillianExtension.class)
public class QuickstartIT {

    private static final String LOCAL_URL = "postgresql://127.0.0.1:5432/test";
    private static final Pattern URL_LINE = Pattern.compile("(?m)^url\\s*=.*$");
    private static final Pattern JSON_PAIR = Pattern.compile("\"(\\w+)\":(\"[^\"]*\"|-?\\d+)");

    @Deployment(testable = false)
    public static WebArchive quickstart() {
        Properties p = properties();
        WebArchive war = ShrinkWrap.createFromZipFile(WebArchive.class, new File(p.getProperty("war")));
        String secretsPath = "/WEB-INF/classes/.streamlit/secrets.toml";
        String secrets = read(war.get(secretsPath).getAsset());
        Matcher url = URL_LINE.matcher(secrets);
        assertTrue(url.find(), "the README's secrets.toml has a url line: " + secrets);
        war.delete(secretsPath);
        war.add(new StringAsset(url.replaceFirst("url = \"" + LOCAL_URL + "\"")), secretsPath);
        return Deployments.asShippedTo(war);
    }

    @ArquillianResource
    URL base;

    @Test
    public void theReadmesCurlAnswersTheReadmesJson() throws Exception {
        Properties p = properties();
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
             Statement st = admin.createStatement()) {
            st.execute("drop table if exists pets");
            st.execute(p.getProperty("sql"));
            st.execute("do $$ begin create role \"" + Overrides.ENV_USERNAME + "\" login; "
                    + "exception when duplicate_object then null; end $$");
            st.execute("grant select on pets to \"" + Overrides.ENV_USERNAME + "\"");
        }
        String body = Servers.getOk(base, p.getProperty("path")).replaceAll("\\s", "");
        String expected = p.getProperty("json").replaceAll("\\s", "");
        List<String> pairs = new ArrayList<>();
        Matcher m = JSON_PAIR.matcher(expected);
        while (m.find()) {
            pairs.add(m.group());
        }
        assertTrue(pairs.size() > 0, "the README shows the JSON the call answers: " + expected);
        for (String pair : pairs) {
            assertTrue(body.contains(pair), pair + " in " + body);
        }
        assertEquals(count(expected, '{'), count(body, '{'), "objects in " + body + ", expected " + expected);
    }

    private static long count(String s, char c) {
        return s.chars().filter(x -> x == c).count();
    }

    private static Properties properties() {
        Path file = Path.of(System.getProperty("it.quickstart", "../../docs-tests/target/quickstart/quickstart.properties"));
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: docs-tests' ReadmeQuickstartTest writes it when it "
                    + "builds the README's Quickstart (./mvnw -B verify -pl tck/<server> -am builds it first)");
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private static String read(Asset asset) {
        try (InputStream in = asset.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
