package io.cdiconnections.quarkus;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The library in Quarkus (CDI Lite, ArC) against the local PostgreSQL: the build-compatible
 * extension serves {@code @Connection} fields of REST resources, lookups and {@code Connections}
 * from one registry, configured by the class path's secrets.toml with the environment and system
 * properties overriding it (set by surefire, see pom.xml).
 */
@QuarkusTest
class QuarkusConnectionsTest {

    @Test
    void injectedConnectionUsesSecretsTomlWithEnvironmentAndSystemPropertyOverrides() {
        // secrets.toml names no_such_user and no_such_database: only the overrides can connect
        given().get("/db/who").then().statusCode(200)
                .body("[0].db_user", equalTo("postgres"))
                .body("[0].db_name", equalTo("test"));
    }

    @Test
    void tableIsWrittenAsJsonRows() {
        given().get("/db/table").then().statusCode(200)
                .body("id", contains(1, 2))
                .body("label", contains("one", "two"));
        given().get("/db/table-writer").then().statusCode(200)
                .body(org.hamcrest.Matchers.startsWith("io.cdiconnections.json.jaxrs.JsonWritableWriter"));
    }

    @Test
    void requestsResourcesLookupsAndConnectionsShareOneHandleAndPool() {
        Map<String, Integer> first = identities("/db/pool");
        assertEquals(first, identities("/db/pool"), "a second request to the same resource");
        assertEquals(first, identities("/other/pool"), "another resource's injection point");
        assertEquals(first, identities("/other/lookup"), "@Any Instance<SQLConnection>.select(@Connection(\"sql\"))");
        assertEquals(first, identities("/other/connections"), "injected Connections.select(\"sql\")");
    }

    @Test
    void ttlRebuildsThePoolOnTheFirstUseAfterItExpires() throws InterruptedException {
        Map<String, Integer> before = identities("/db/short-pool");
        Thread.sleep(1_500);
        Map<String, Integer> after = identities("/db/short-pool");
        assertEquals(before.get("handle"), after.get("handle"), "the handle is kept");
        assertNotEquals(before.get("pool"), after.get("pool"), "the pool is rebuilt after its ttl of 1 s");
        assertNotEquals(identities("/db/pool").get("pool"), after.get("pool"),
                "another ttl is another request, with its own pool");
    }

    @Test
    void readinessCheckReportsTheConnectionUp() {
        identities("/db/pool"); // the readiness check reports what the application declared or used
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("cdi-connections"))
                .body("checks.find { it.name == 'cdi-connections' }.data.sql", equalTo("UP"));
    }

    private static Map<String, Integer> identities(String path) {
        return given().get(path).then().statusCode(200).extract().jsonPath().getMap("", String.class, Integer.class);
    }
}
