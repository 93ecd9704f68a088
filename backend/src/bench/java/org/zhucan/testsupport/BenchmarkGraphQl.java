package org.zhucan.testsupport;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark programs' GraphQL client: plain HTTP/1.1 POSTs to the running application over kept-alive
 * connections ({@link KeptAliveHttp}), as a real client sends them, so the figures include parsing, security
 * and serialisation.
 */
public final class BenchmarkGraphQl {

    private static final String LOGIN =
            "mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { token userErrors { code } } }";

    private final JsonMapper json;
    private final KeptAliveHttp http;

    /** A client of the application in the context, waiting at most {@code timeout} for a response. */
    public BenchmarkGraphQl(ConfigurableApplicationContext context, Duration timeout) {
        this.json = context.getBean(JsonMapper.class);
        this.http = new KeptAliveHttp(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")), timeout);
    }

    /** A request body: the document and its variables as JSON. */
    public String body(String document, Map<String, Object> variables) {
        return json.writeValueAsString(Map.of("query", document, "variables", variables));
    }

    /**
     * POSTs a GraphQL request and checks it as {@link #send} does, without reading the answer into maps: for a
     * side timed against a floor whose client does not parse its answer either (the client threads share the cores
     * with the server, so a parse on one side only is charged to that side). The answer, as text.
     */
    public String sendUnparsed(String body, String bearer) throws Exception {
        String answer = post(body, bearer);
        if (answer.contains("\"errors\":")) {
            throw new IllegalStateException("errors: " + abbreviate(answer));
        }
        return answer;
    }

    /** POSTs a GraphQL request; the data, or an IllegalStateException on a non-200 status or top-level errors. */
    public Map<String, Object> send(String body, String bearer) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> result = json.readValue(post(body, bearer), Map.class);
        if (result.get("errors") != null) {
            throw new IllegalStateException("errors: " + abbreviate(String.valueOf(result.get("errors"))));
        }
        return map(result, "data");
    }

    private String post(String body, String bearer) throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        if (bearer != null) {
            headers.put("Authorization", "Bearer " + bearer);
        }
        KeptAliveHttp.Response response = http.post("/graphql", headers, body);
        if (response.status() != 200) {
            throw new IllegalStateException("HTTP " + response.status() + ": " + abbreviate(response.body()));
        }
        return response.body();
    }

    /** A token for the account, or an IllegalStateException when the login is refused. */
    public String login(String username, String password) throws Exception {
        Map<String, Object> data = send(body(LOGIN, Map.of("u", username, "p", password)), null);
        String token = (String) map(data, "login").get("token");
        if (token == null) {
            throw new IllegalStateException("could not log in as " + username + ": " + data);
        }
        return token;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.get(key);
    }

    public static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500) + "...";
    }
}
