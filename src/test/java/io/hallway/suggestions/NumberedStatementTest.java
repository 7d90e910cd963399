package io.hallway.suggestions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class NumberedStatementTest {

    @Test
    void eachMarkerTakesTheValueItsNumberNames() throws Exception {
        NumberedStatement statement = NumberedStatement.of(
                "select ?2 from t where a = ?1 and b = ?2 and c = ?10 and d = '?' limit ?1");
        assertEquals("select ? from t where a = ? and b = ? and c = ? and d = '?' limit ?", statement.sql);

        Map<Integer, Object> bound = new TreeMap<>();
        PreparedStatement recorder = (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { PreparedStatement.class }, (proxy, method, args) -> {
                    if (method.getName().equals("setObject")) {
                        bound.put((Integer) args[0], args[1]);
                    }
                    return null;
                });
        statement.bind(recorder, "one", "two", 3, 4, 5, 6, 7, 8, 9, "ten");

        assertEquals(Map.of(1, "two", 2, "one", 3, "two", 4, "ten", 5, "one"), bound);
    }
}
