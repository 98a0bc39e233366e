package io.cdiconnections.internal.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cdiconnections.BaseConnection;
import io.cdiconnections.Connection;
import io.cdiconnections.ConnectionConfigException;
import io.cdiconnections.ConnectionTypeException;
import io.cdiconnections.sql.SQLConnection;
import io.cdiconnections.test.AuditedSqlConnection;
import io.cdiconnections.test.BrokenTypes;
import io.cdiconnections.test.CountingConnection;
import io.cdiconnections.test.OtherConnection;
import io.cdiconnections.test.StrictConnection;
import io.cdiconnections.test.TestConfigSource;

class TypeResolverTest {

    private static final String COUNTING = CountingConnection.class.getName();
    private static final String AUDITED = AuditedSqlConnection.class.getName();
    private final Map<String, String> values = new HashMap<>();
    private final TypeResolver resolver = new TypeResolver(TestConfigSource.config(values),
            TypeResolverTest.class.getClassLoader());

    private Class<?> resolve(String name, String type, Class<?> javaType) {
        ConnectionRequest request = ConnectionRequest.of(name, type, null, "", Connection.UNBOUNDED, Map.of(), "test");
        return resolver.resolve(name, request, javaType);
    }

    @Test
    void concreteJavaTypeWinsWhenNothingElseIsSaid() {
        assertThat(resolve("db", "", CountingConnection.class)).isEqualTo(CountingConnection.class);
    }

    @Test
    void typeInCodeIsAFullyQualifiedClassName() {
        assertThat(resolve("db", COUNTING, BaseConnection.class)).isEqualTo(CountingConnection.class);
        assertThat(resolve("db", COUNTING, null)).isEqualTo(CountingConnection.class);
    }

    @Test
    void typeClassGivenInCodeIsUsed() {
        ConnectionRequest request = ConnectionRequest.of("db", "", OtherConnection.class, "", -1, Map.of(), "test");
        assertThat(resolver.resolve("db", request, null)).isEqualTo(OtherConnection.class);
    }

    @Test
    void typeKeyOfTheSecretsSectionIsUsedWhenCodeSaysNothing() {
        values.put("connections.db.type", COUNTING);
        assertThat(resolve("db", "", null)).isEqualTo(CountingConnection.class);
    }

    @Test
    void typeKeyOfASectionWhoseNameHoldsADotIsFound() {
        values.put("connections.\"my.db\".type", COUNTING);
        assertThat(resolve("my.db", "", null)).isEqualTo(CountingConnection.class);
    }

    @Test
    void agreeingSourcesAreFine() {
        values.put("connections.db.type", COUNTING);
        assertThat(resolve("db", COUNTING, CountingConnection.class)).isEqualTo(CountingConnection.class);
    }

    @Test
    void aSubclassJavaTypeAgreesWithItsSuperclassInSecrets() {
        values.put("connections.db.type", COUNTING);
        assertThat(resolve("db", "", StrictConnection.class)).isEqualTo(StrictConnection.class);
    }

    @Test
    void aSubclassTypeInCodeAgreesWithASuperclassJavaTypeAndWins() {
        assertThat(resolve("db", AUDITED, SQLConnection.class)).isEqualTo(AuditedSqlConnection.class);
    }

    @Test
    void aSubclassTypeInSecretsAgreesWithASuperclassJavaTypeAndWins() {
        values.put("connections.db.type", AUDITED);
        assertThat(resolve("db", "", SQLConnection.class)).isEqualTo(AuditedSqlConnection.class);
    }

    @Test
    void aSubclassTypeInSecretsAgreesWithASuperclassTypeInCodeAndWins() {
        values.put("connections.db.type", AUDITED);
        assertThat(resolve("db", "sql", null)).isEqualTo(AuditedSqlConnection.class);
        assertThat(resolve("db", "sql", SQLConnection.class)).isEqualTo(AuditedSqlConnection.class);
    }

    @Test
    void aSuperclassInSecretsAgreesWithASubclassTypeInCodeAndTheSubclassWins() {
        values.put("connections.db.type", "sql");
        assertThat(resolve("db", AUDITED, BaseConnection.class)).isEqualTo(AuditedSqlConnection.class);
    }

    @Test
    void aSubclassTypeInCodeThatDisagreesWithSecretsNamesTheCodeAsItsSource() {
        values.put("connections.db.type", OtherConnection.class.getName());
        assertThatThrownBy(() -> resolve("db", AUDITED, SQLConnection.class))
                .isInstanceOf(ConnectionTypeException.class)
                .hasMessage("Connection 'db' (test): type \"" + AUDITED + "\" in test says AuditedSqlConnection but "
                        + "type = \"io.cdiconnections.test.OtherConnection\" in [connections.db] says OtherConnection. "
                        + "Make them agree: change or remove one of them.");
    }

    @Test
    void unrelatedTypeInCodeIsStillAnErrorWithAConcreteJavaType() {
        assertThatThrownBy(() -> resolve("db", COUNTING, SQLConnection.class))
                .isInstanceOf(ConnectionTypeException.class)
                .hasMessage("Connection 'db' (test): the Java type SQLConnection says SQLConnection but type \""
                        + COUNTING + "\" in test says CountingConnection. Make them agree: change or remove one "
                        + "of them.");
    }

    @Test
    void javaTypeAndSecretsThatDisagreeAreAnError() {
        values.put("connections.db.type", OtherConnection.class.getName());
        assertThatThrownBy(() -> resolve("db", "", CountingConnection.class))
                .isInstanceOf(ConnectionTypeException.class)
                .hasMessage("Connection 'db' (test): the Java type CountingConnection says CountingConnection but "
                        + "type = \"io.cdiconnections.test.OtherConnection\" in [connections.db] says OtherConnection. "
                        + "Make them agree: change or remove one of them.");
    }

    @Test
    void codeAndSecretsThatDisagreeAreAnError() {
        values.put("connections.db.type", OtherConnection.class.getName());
        assertThatThrownBy(() -> resolve("db", COUNTING, null))
                .isInstanceOf(ConnectionTypeException.class)
                .hasMessageContaining("type \"io.cdiconnections.test.CountingConnection\" in test says CountingConnection")
                .hasMessageContaining("says OtherConnection");
    }

    @Test
    void builtInShortNameWhoseClassIsAbsentSaysSo() {
        Map<String, String> withoutSnowflake = new HashMap<>(TypeResolver.SHORT_NAMES);
        withoutSnowflake.put("snowflake", "io.cdiconnections.snowflake.SnowflakeConnection$Absent");
        TypeResolver slim = new TypeResolver(TestConfigSource.config(values), getClass().getClassLoader(), withoutSnowflake);
        ConnectionRequest request = ConnectionRequest.of("warehouse", "snowflake", null, "", Connection.UNBOUNDED, Map.of(), "test");
        assertThatThrownBy(() -> slim.resolve("warehouse", request, null))
                .isInstanceOf(ConnectionTypeException.class)
                .hasMessage("Connection 'warehouse': the built-in type 'snowflake' (type \"snowflake\" in test) needs "
                        + "the class io.cdiconnections.snowflake.SnowflakeConnection$Absent, which is not on the class path "
                        + "of this application. Use a version of io.cdiconnections:cdi-connections that has it, or "
                        + "another type: \"sql\", \"snowflake\" or \"snowpark\", or the fully qualified name of a "
                        + "BaseConnection subclass.");
    }

    @Test
    void nameThatIsAShortNameSelectsThatType() {
        assertThat(resolve("snowpark", "", null).getName()).isEqualTo("io.cdiconnections.snowflake.SnowparkConnection");
        assertThat(resolve("snowflake", "", null).getName()).isEqualTo("io.cdiconnections.snowflake.SnowflakeConnection");
        assertThat(resolve("sql", "", null).getName()).isEqualTo("io.cdiconnections.sql.SQLConnection");
    }

    // Streamlit: connection_factory_test.py, test_can_specify_class_with_full_name_in_kwargs
    @Test
    void streamlitsClassPathInCodeIsOurBuiltInType() {
        assertThat(resolve("my_connection", "streamlit.connections.SQLConnection", null)).isEqualTo(SQLConnection.class);
        assertThat(resolve("my_connection", "streamlit.connections.sql_connection.SQLConnection", SQLConnection.class))
                .isEqualTo(SQLConnection.class);
        assertThat(resolve("db", "streamlit.connections.SnowflakeConnection", null).getName())
                .isEqualTo("io.cdiconnections.snowflake.SnowflakeConnection");
        assertThat(resolve("db", "streamlit.connections.snowflake_connection.SnowflakeConnection", null).getName())
                .isEqualTo("io.cdiconnections.snowflake.SnowflakeConnection");
        assertThat(resolve("db", "streamlit.connections.SnowparkConnection", null).getName())
                .isEqualTo("io.cdiconnections.snowflake.SnowparkConnection");
        assertThat(resolve("db", "streamlit.connections.snowpark_connection.SnowparkConnection", null).getName())
                .isEqualTo("io.cdiconnections.snowflake.SnowparkConnection");
    }

    // Streamlit: connection_factory_test.py, test_can_specify_class_with_full_name_in_config
    @Test
    void streamlitsClassPathInSecretsIsOurBuiltInTypeAndAgreesWithIt() {
        values.put("connections.my_connection.type", "streamlit.connections.SQLConnection");
        assertThat(resolve("my_connection", "", null)).isEqualTo(SQLConnection.class);
        assertThat(resolve("my_connection", "sql", SQLConnection.class)).isEqualTo(SQLConnection.class);
        assertThat(resolve("my_connection", "", AuditedSqlConnection.class)).as("a subclass still wins")
                .isEqualTo(AuditedSqlConnection.class);
        assertThatThrownBy(() -> resolve("my_connection", "snowflake", null)).isInstanceOf(ConnectionTypeException.class);
    }

    @Test
    void unknownShortNameListsTheShortNames() {
        assertThatThrownBy(() -> resolve("db", "postgres", null))
                .isInstanceOf(ConnectionTypeException.class)
                .hasMessage("Connection 'db': the type 'postgres' (type \"postgres\" in test) is not a known short "
                        + "name. Write \"sql\", \"snowflake\" or \"snowpark\", or the fully qualified name of a "
                        + "BaseConnection subclass such as \"com.example.RedisConnection\".");
    }

    @Test
    void unknownShortNameInSecretsNamesTheSection() {
        values.put("connections.db.type", "postgres");
        assertThatThrownBy(() -> resolve("db", "", null))
                .hasMessageContaining("(type = \"postgres\" in [connections.db])");
    }

    @Test
    void missingClassIsAnError() {
        assertThatThrownBy(() -> resolve("db", "com.example.Missing", null))
                .isInstanceOf(ConnectionTypeException.class)
                .hasMessage("Connection 'db': the type class com.example.Missing (type \"com.example.Missing\" in "
                        + "test) was not found by the application's class loader. Check the spelling and that its "
                        + "jar is in the application, or use a short name: \"sql\", \"snowflake\" or \"snowpark\".");
    }

    @Test
    void classThatIsNoConnectionIsAnError() {
        assertThatThrownBy(() -> resolve("db", "java.lang.String", null))
                .isInstanceOf(ConnectionTypeException.class)
                .hasMessage("Connection 'db' (test): java.lang.String is not a subclass of "
                        + "io.cdiconnections.BaseConnection. Name a connection type: \"sql\", \"snowflake\" or "
                        + "\"snowpark\", or a class that extends BaseConnection.");
    }

    @Test
    void abstractClassIsAnError() {
        assertThatThrownBy(() -> resolve("db", BrokenTypes.AbstractConnection.class.getName(), null))
                .isInstanceOf(ConnectionTypeException.class)
                .hasMessage("Connection 'db' (test): io.cdiconnections.test.BrokenTypes$AbstractConnection is "
                        + "abstract and cannot be created. Name a concrete subclass of it, or a short name: "
                        + "\"sql\", \"snowflake\" or \"snowpark\".");
    }

    @Test
    void classWithoutTheContextConstructorIsAnError() {
        assertThatThrownBy(() -> resolve("db", BrokenTypes.NoContextConstructor.class.getName(), null))
                .isInstanceOf(ConnectionTypeException.class)
                .hasMessage("Connection 'db' (test): io.cdiconnections.test.BrokenTypes$NoContextConstructor has "
                        + "no public constructor taking a ConnectionContext. Add one: public NoContextConstructor"
                        + "(ConnectionContext context) { super(context); } (and make the class public).");
    }

    @Test
    void noTypeAnywhereSaysWhatToWrite() {
        assertThatThrownBy(() -> resolve("orders", "", null))
                .isInstanceOf(ConnectionTypeException.class)
                .hasMessageStartingWith("Connection 'orders' (test) has no type. Say which one: add type = \"sql\" to the "
                        + "[connections.orders] section of secrets.toml, write @Connection(name = \"orders\", "
                        + "type = \"sql\") or Connections.builder(\"orders\").type(\"sql\"), or inject a concrete "
                        + "type such as SQLConnection. A type is \"sql\", \"snowflake\" or \"snowpark\", or the "
                        + "fully qualified name of a BaseConnection subclass.")
                .as("no source has the section: say where it was looked for")
                .hasMessageContaining(" No [connections.orders] section was found");
    }

    @Test
    void javaTypeThatIsNoConnectionIsAnError() {
        assertThatThrownBy(() -> resolve("db", COUNTING, String.class))
                .isInstanceOf(ConnectionTypeException.class)
                .hasMessage("Connection 'db' (test): the Java type java.lang.String is not a connection type. "
                        + "Declare it as BaseConnection<?>, SQLConnection or another subclass of "
                        + "io.cdiconnections.BaseConnection.");
    }

    @Test
    void javaTypeThatCannotHoldTheResolvedClassIsAnError() {
        values.put("connections.db.type", OtherConnection.class.getName());
        assertThatThrownBy(() -> resolve("db", "", BrokenTypes.AbstractConnection.class))
                .isInstanceOf(ConnectionTypeException.class)
                .hasMessage("Connection 'db' (test) is a OtherConnection, which the Java type AbstractConnection "
                        + "cannot hold. Declare it as OtherConnection (or BaseConnection<?>), or change the type "
                        + "in [connections.db] of secrets.toml.");
    }

    @Test
    void envNameIsReadFromConfigFirst() {
        values.put("DB_NAME", "orders");
        assertThat(resolver.resolveName("env:DB_NAME", "test")).isEqualTo("orders");
        assertThat(resolver.resolveName("orders", "test")).isEqualTo("orders");
    }

    @Test
    void envNameFallsBackToTheEnvironment() {
        String var = System.getenv().keySet().stream().filter(k -> !System.getenv(k).isBlank()).findFirst().orElseThrow();
        assertThat(resolver.resolveName("env:" + var, "test")).isEqualTo(System.getenv(var).trim());
    }

    @Test
    void missingEnvNameIsAnError() {
        assertThatThrownBy(() -> resolver.resolveName("env:NO_SUCH_VARIABLE_X", "test"))
                .isInstanceOf(ConnectionConfigException.class)
                .hasMessage("test: the connection name 'env:NO_SUCH_VARIABLE_X' comes from the variable "
                        + "NO_SUCH_VARIABLE_X, which is not set. Set the environment variable NO_SUCH_VARIABLE_X "
                        + "(or the config property NO_SUCH_VARIABLE_X, e.g. -DNO_SUCH_VARIABLE_X=sql) to the name of "
                        + "a [connections.<name>] section.");
    }

    @Test
    void constructorThatThrowsIsReported() {
        Class<? extends BaseConnection<?>> type = TypeResolver.check("db", BrokenTypes.ThrowingConstructor.class, "test");
        assertThatThrownBy(() -> TypeResolver.detachedHandle(type, "db", TestConfigSource.config(values)))
                .isInstanceOf(ConnectionTypeException.class)
                .hasMessage("Connection 'db': the constructor ThrowingConstructor(ConnectionContext) failed with "
                        + "java.lang.IllegalStateException. A constructor should only keep its context; connect in "
                        + "connect(ConnectionParameters).");
    }
}
