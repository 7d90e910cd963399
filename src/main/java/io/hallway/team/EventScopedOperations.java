package io.hallway.team;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Singleton;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start the application while an operation under {@code /api/admin/events/{slug}} declares no
 * {@link RequiresEventRole}. {@link EventAccess} is bound by name to the operations that declare one, so an
 * operation without it would otherwise be open to every signed-in user; here it keeps the whole application
 * closed instead.
 */
@Singleton
class EventScopedOperations {

    private static final Pattern EVENT_SCOPED = Pattern.compile("^/?api/admin/events/[^/]+(/.*)?$");

    void check(@Observes StartupEvent started, BeanManager beans) {
        Set<Bean<?>> all = beans.getBeans(Object.class, Any.Literal.INSTANCE);
        List<String> undeclared = undeclared(all.stream().<Class<?>> map(Bean::getBeanClass).toList());
        if (!undeclared.isEmpty()) {
            throw new IllegalStateException("Admin operations on an event without @RequiresEventRole: " + undeclared);
        }
    }

    /** The operations of these resource classes that act on one event and declare no role, as Class.method. */
    static List<String> undeclared(List<Class<?>> classes) {
        List<String> undeclared = new ArrayList<>();
        for (Class<?> type : classes) {
            Path base = type.getAnnotation(Path.class);
            if (base == null) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                Path sub = method.getAnnotation(Path.class);
                String path = base.value() + (sub == null ? "" : "/" + sub.value());
                if (isOperation(method) && EVENT_SCOPED.matcher(path).matches()
                        && EventAccess.required(type, method) == null) {
                    undeclared.add(type.getSimpleName() + "." + method.getName());
                }
            }
        }
        return undeclared;
    }

    private static boolean isOperation(Method method) {
        for (var annotation : method.getAnnotations()) {
            if (annotation.annotationType().isAnnotationPresent(HttpMethod.class)) {
                return true;
            }
        }
        return false;
    }
}
