package io.hallway.suggestions;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/** A term a pool entry matched ({@link CandidatePool} stores them as JSON): the term, their role and their words. */
record MatchedTerm(String term, String role, String label) {

    private static final JsonFactory JSON = new JsonFactory();

    /**
     * A pool entry's matched terms, read token by token: binding them to records cost a tenth of a suggestions
     * request's CPU, more than the reading itself.
     */
    static List<MatchedTerm> read(String terms) {
        List<MatchedTerm> matched = new ArrayList<>();
        if (terms == null) {
            return matched;
        }
        try (JsonParser parser = JSON.createParser(terms)) {
            expect(parser.nextToken(), JsonToken.START_ARRAY);
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                String term = null;
                String role = null;
                String label = null;
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    parser.nextToken();
                    switch (field) {
                        case "term" -> term = parser.getText();
                        case "role" -> role = parser.getText();
                        case "label" -> label = parser.getText();
                        default -> parser.skipChildren();
                    }
                }
                matched.add(new MatchedTerm(term, role, label));
            }
        } catch (IOException e) {
            throw new IllegalStateException("A pool entry's matched terms could not be read", e);
        }
        return matched;
    }

    private static void expect(JsonToken token, JsonToken expected) throws JsonParseException {
        if (token != expected) {
            throw new JsonParseException(null, "Matched terms: " + expected + " expected, " + token + " found");
        }
    }
}
