package io.hallway.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import javax.sql.DataSource;

import io.hallway.team.EventRole;
import io.hallway.team.Members;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.path.json.JsonPath;

/**
 * Puts people on an event's team directly, as an accepted invitation would: the member store's own
 * {@link Members#join}, with the person's id made from their token the way their first call makes it.
 */
public final class TeamFixtures {

    private TeamFixtures() {
    }

    /** Puts the token's person on the event's team; roomIds limits a host (null: every room). */
    public static long join(String slug, String token, EventRole role, List<Long> roomIds) {
        Db db = new Db(Arc.container().instance(DataSource.class).get());
        long eventId = db.count("select id from event where slug = ?", slug);
        long userId = userId(token);
        QuarkusTransaction.requiringNew().run(() -> Arc.container().instance(Members.class).get()
                .join(eventId, userId, role, roomIds, PeopleFixtures.subject(token)));
        return userId;
    }

    /** The person's id, made if they have none yet. */
    public static long userId(String token) {
        Db db = new Db(Arc.container().instance(DataSource.class).get());
        JsonPath claims = JsonPath.from(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                StandardCharsets.UTF_8));
        db.update("insert into app_user (issuer, subject) values (?, ?) on conflict (issuer, subject) do nothing",
                claims.getString("iss"), claims.getString("sub"));
        return db.userId(token);
    }
}
