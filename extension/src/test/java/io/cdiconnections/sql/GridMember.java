package io.cdiconnections.sql;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

/**
 * The second instance of {@link TwoJvmGridTest}, in a JVM of its own: one handle with
 * {@code cache = "jcache"} on PostgreSQL, driven line by line through standard input.
 * <ul>
 * <li>{@code query <sql-name> <ttl-millis>} prints {@code value <n>}: the query's result;</li>
 * <li>{@code members} prints {@code members <n>}: the grid's size as this member sees it;</li>
 * <li>{@code config <key> <value>} reopens the handle with one more key (another configuration);</li>
 * <li>{@code exit}.</li>
 * </ul>
 * Arguments: the connection name, the password, then the SQL of each query name, as {@code name=sql}.
 */
public final class GridMember {

    private GridMember() {
    }

    public static void main(String[] args) throws Exception {
        String name = args[0];
        String password = args[1];
        java.util.Map<String, String> queries = new java.util.HashMap<>();
        for (int i = 2; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            queries.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        List<String> extra = new ArrayList<>();
        SQLConnection sql = open(name, password, extra);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.out.println("started");
        try {
            for (String line = in.readLine(); line != null && !line.equals("exit"); line = in.readLine()) {
                String[] w = line.split(" ");
                try {
                    switch (w[0]) {
                        case "query" -> System.out.println("value " + ((Number) sql.query(queries.get(w[1]),
                                QueryOptions.defaults().ttl(Duration.ofMillis(Long.parseLong(w[2])))).get(0, 0)).longValue());
                        case "members" -> System.out.println("members " + Hazelcast.getAllHazelcastInstances().stream()
                                .mapToInt(h -> h.getCluster().getMembers().size()).max().orElse(0));
                        case "config" -> {
                            sql.close();
                            extra.add(w[1]);
                            extra.add(w[2]);
                            sql = open(name, password, extra);
                            System.out.println("configured");
                        }
                        default -> System.out.println("error unknown command " + line);
                    }
                } catch (RuntimeException e) {
                    System.out.println("error " + e);
                }
            }
        } finally {
            sql.close();
            Hazelcast.getAllHazelcastInstances().forEach(HazelcastInstance::shutdown);
        }
    }

    private static SQLConnection open(String name, String password, List<String> extra) {
        List<String> o = new ArrayList<>(List.of(GridSupport.jcache("password", password)));
        o.addAll(extra);
        return SqlTestSupport.postgres(name, o.toArray(String[]::new));
    }
}
