package org.zhucan.menu;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The home screen's floor: a plain JDBC endpoint, no framework in the way, on the application's
 * connection pool, answering {@code GET /home?first=N&date=D} with the page of operating sites,
 * each with its published lunch menu, items with their dishes, and set meals, as JSON. Four
 * selects, autocommit, nothing cached: the least SQL the page needs, served over HTTP like the
 * GraphQL side so that both pay for a request and its JSON.
 */
final class HomeScreenJdbcFloor implements AutoCloseable {

    private static final String SITES = """
            SELECT s.id, s.name, s.address FROM site s JOIN region c ON c.id = s.community_id
            WHERE s.status = 'OPERATING' ORDER BY s.id LIMIT ?""";
    private static final String MENUS = """
            SELECT id, site_id, menu_date, slot, version FROM menu
            WHERE site_id IN (%s) AND menu_date = ? AND slot = 'LUNCH' AND status = 'PUBLISHED'""";
    private static final String ITEMS = """
            SELECT i.menu_id, i.price_fen, d.id, d.name, d.tags FROM menu_item i JOIN dish d ON d.id = i.dish_id
            WHERE i.menu_id IN (%s) ORDER BY i.menu_id, i.position""";
    private static final String SET_MEALS = """
            SELECT menu_id, name, price_fen FROM set_meal WHERE menu_id IN (%s) ORDER BY menu_id, position""";

    private final HttpServer server;
    private final ExecutorService threads;
    private final DataSource dataSource;
    private final JsonMapper json;

    private HomeScreenJdbcFloor(DataSource dataSource, JsonMapper json) throws IOException {
        this.dataSource = dataSource;
        this.json = json;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        this.threads = Executors.newFixedThreadPool(8);
        server.setExecutor(threads);
        server.createContext("/home", this::serve);
    }

    /**
     * The endpoint, listening on a free port of the loopback address. With TCP_NODELAY, as Tomcat
     * sets it: else the headers and the body leave in two packets and each response waits for the
     * client's delayed ACK (some 40 ms), and the floor would measure that instead of its work.
     */
    static HomeScreenJdbcFloor start(DataSource dataSource, JsonMapper json) throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HomeScreenJdbcFloor floor = new HomeScreenJdbcFloor(dataSource, json);
        floor.server.start();
        return floor;
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** The path and query of the page of {@code first} sites on the date, on this floor's {@link #port}. */
    String path(int first, LocalDate date) {
        return "/home?first=" + first + "&date=" + date;
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            int status = 200;
            try {
                Map<String, String> query = new HashMap<>();
                Arrays.stream(exchange.getRequestURI().getQuery().split("&")).map(pair -> pair.split("=", 2))
                        .forEach(pair -> query.put(pair[0], pair[1]));
                body = json.writeValueAsBytes(Map.of("sites", page(Integer.parseInt(query.get("first")), LocalDate.parse(query.get("date")))));
            } catch (SQLException | RuntimeException e) {
                status = 500;
                body = String.valueOf(e).getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private List<Map<String, Object>> page(int first, LocalDate date) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            List<Map<String, Object>> sites = new ArrayList<>();
            Map<Long, Map<String, Object>> siteById = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement(SITES)) {
                select.setInt(1, first);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Map<String, Object> site = new LinkedHashMap<>();
                        site.put("id", String.valueOf(rows.getLong(1)));
                        site.put("name", rows.getString(2));
                        site.put("address", rows.getString(3));
                        site.put("menu", null);
                        sites.add(site);
                        siteById.put(rows.getLong(1), site);
                    }
                }
            }
            if (sites.isEmpty()) {
                return sites;
            }
            Map<Long, Map<String, Object>> menuById = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement(MENUS.formatted(placeholders(siteById.size())))) {
                int index = bind(select, 1, siteById.keySet());
                select.setDate(index, Date.valueOf(date));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Map<String, Object> menu = new LinkedHashMap<>();
                        menu.put("id", String.valueOf(rows.getLong(1)));
                        menu.put("date", rows.getDate(3).toLocalDate().toString());
                        menu.put("slot", rows.getString(4));
                        menu.put("version", rows.getInt(5));
                        menu.put("items", new ArrayList<>());
                        menu.put("setMeals", new ArrayList<>());
                        siteById.get(rows.getLong(2)).put("menu", menu);
                        menuById.put(rows.getLong(1), menu);
                    }
                }
            }
            if (menuById.isEmpty()) {
                return sites;
            }
            try (PreparedStatement select = connection.prepareStatement(ITEMS.formatted(placeholders(menuById.size())))) {
                bind(select, 1, menuById.keySet());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Map<String, Object> dish = new LinkedHashMap<>();
                        dish.put("id", String.valueOf(rows.getLong(3)));
                        dish.put("name", rows.getString(4));
                        String tags = rows.getString(5);
                        dish.put("tags", tags.isEmpty() ? Collections.emptyList() : Arrays.asList(tags.split(",")));
                        Map<String, Object> item = new LinkedHashMap<>();
                        item.put("price", yuan(rows.getLong(2)));
                        item.put("dish", dish);
                        entries(menuById.get(rows.getLong(1)), "items").add(item);
                    }
                }
            }
            try (PreparedStatement select = connection.prepareStatement(SET_MEALS.formatted(placeholders(menuById.size())))) {
                bind(select, 1, menuById.keySet());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Map<String, Object> setMeal = new LinkedHashMap<>();
                        setMeal.put("name", rows.getString(2));
                        setMeal.put("price", yuan(rows.getLong(3)));
                        entries(menuById.get(rows.getLong(1)), "setMeals").add(setMeal);
                    }
                }
            }
            return sites;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> entries(Map<String, Object> menu, String key) {
        return (List<Object>) menu.get(key);
    }

    private static String placeholders(int count) {
        return String.join(",", Collections.nCopies(count, "?"));
    }

    private static int bind(PreparedStatement statement, int from, Iterable<Long> ids) throws SQLException {
        int index = from;
        for (long id : ids) {
            statement.setLong(index++, id);
        }
        return index;
    }

    /** Money on the wire as the API writes it: an exact decimal string in yuan. */
    private static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
