package org.securebase.application.privacy;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Clob;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Native SQL over the persistence unit's connection, for what spans every table of a person: rows come back as
 * maps keyed by the column names in camelCase ({@code submitted_at}: {@code submittedAt}), times as
 * {@link java.time.Instant}s and days as {@link java.time.LocalDate}s. Parameters are positional ({@code ?1}).
 * Public for the {@link PersonalData} and {@link ErasingAccount} observers of other capabilities.
 */
public final class Sql {

    private final EntityManager em;

    public Sql(EntityManager em) {
        this.em = em;
    }

    /** {@code select <columns> <rest>}: each column may be qualified ({@code r.id}) or aliased ({@code x as y}). */
    public List<Map<String, Object>> rows(String columns, String rest, Object... params) {
        List<String> names = new ArrayList<>();
        for (String column : columns.split(",")) {
            String c = column.strip();
            int as = c.toLowerCase(Locale.ROOT).lastIndexOf(" as ");
            c = as >= 0 ? c.substring(as + 4).strip() : c.substring(c.lastIndexOf('.') + 1);
            names.add(camel(c));
        }
        Query query = bind(em.createNativeQuery("select " + columns + " " + rest), params);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object result : query.getResultList()) {
            Object[] values = result instanceof Object[] array ? array : new Object[] {result};
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                row.put(names.get(i), value(values[i]));
            }
            rows.add(row);
        }
        return rows;
    }

    public long count(String rest, Object... params) {
        return ((Number) bind(em.createNativeQuery("select count(*) " + rest), params).getSingleResult())
                .longValue();
    }

    public int update(String sql, Object... params) {
        return bind(em.createNativeQuery(sql), params).executeUpdate();
    }

    private static Query bind(Query query, Object... params) {
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return query;
    }

    static String camel(String column) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char ch : column.toLowerCase(Locale.ROOT).toCharArray()) {
            if (ch == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return out.toString();
    }

    private static Object value(Object v) {
        try {
            if (v instanceof Timestamp t) {
                return t.toInstant();
            }
            if (v instanceof java.sql.Date d) {
                return d.toLocalDate();
            }
            if (v instanceof Clob clob) {
                return clob.getSubString(1, (int) clob.length());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading a text column", e);
        }
        return v;
    }

    /** Groups {@code children} under each parent whose {@code id} equals the child's {@code key}, as {@code field}. */
    public static void nest(List<Map<String, Object>> parents, String field, List<Map<String, Object>> children,
            String key) {
        Map<Object, List<Map<String, Object>>> byParent = new LinkedHashMap<>();
        for (Map<String, Object> child : children) {
            byParent.computeIfAbsent(number(child.get(key)), k -> new ArrayList<>()).add(child);
        }
        for (Map<String, Object> parent : parents) {
            parent.put(field, byParent.getOrDefault(number(parent.get("id")), List.of()));
        }
    }

    private static Object number(Object v) {
        return v instanceof Number n ? (Object) n.longValue() : v;
    }
}
