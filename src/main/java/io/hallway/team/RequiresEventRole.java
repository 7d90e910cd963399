package io.hallway.team;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

/**
 * The least role in the team of the event named by the path's {@code {slug}} that an admin operation needs. On
 * a resource class it covers every method; on a method it overrides the class. Every operation under
 * {@code /api/admin/events/{slug}} declares one: {@link EventScopedOperations} stops the application from starting
 * otherwise. It also binds {@link EventAccess} to the operations that carry it, so that the public endpoints do
 * not pay for a check that never applies to them.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface RequiresEventRole {
    EventRole value();
}
