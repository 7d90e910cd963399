package io.hallway.team;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The least role in the team of the event named by the path's {@code {slug}} that an admin operation needs. On
 * a resource class it covers every method; on a method it overrides the class. Every operation under
 * {@code /api/admin/events/{slug}} declares one (a test fails the build otherwise).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface RequiresEventRole {
    EventRole value();
}
