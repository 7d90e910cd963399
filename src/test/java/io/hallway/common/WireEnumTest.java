package io.hallway.common;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WireEnumTest {

    enum Drink implements WireEnum {
        FLAT_WHITE("flat-white"),
        TEA("tea");

        private final String wireName;

        Drink(String wireName) {
            this.wireName = wireName;
        }

        @Override
        public String wireName() {
            return wireName;
        }
    }

    /** Declared the way features declare theirs: the enum is read from the type argument. */
    static class DrinkColumn extends WireNameConverter<Drink> {
    }

    @Test
    void a_wire_name_reads_as_its_constant_and_an_unknown_one_lists_the_allowed_ones() {
        assertThat(WireEnum.parse(Drink.class, "flat-white"), is(Drink.FLAT_WHITE));
        assertThat(WireEnum.find(Drink.class, "FLAT_WHITE"), is(Optional.empty()));
        assertThat(WireEnum.wireNames(Drink.class), is(List.of("flat-white", "tea")));

        var unknown = assertThrows(WireEnum.UnknownValue.class, () -> WireEnum.parse(Drink.class, "mocha"));
        assertThat(unknown.getMessage(), is("must be one of flat-white, tea"));
    }

    @Test
    void an_unknown_value_outside_a_body_is_a_400_naming_the_field_and_the_allowed_values() {
        Problem problem = assertThrows(Problem.class, () -> WireEnum.parseField(Drink.class, "drink", "mocha"));

        assertThat(problem.type(), is(ProblemType.INVALID_REQUEST));
        assertThat(problem.violations(), contains(new Problem.Violation("drink", "must be one of flat-white, tea")));
        assertThat(WireEnum.parseField(Drink.class, "drink", "tea"), is(Drink.TEA));
    }

    @Test
    void a_column_holds_the_wire_name() {
        var column = new DrinkColumn();

        assertThat(column.convertToDatabaseColumn(Drink.FLAT_WHITE), is("flat-white"));
        assertThat(column.convertToEntityAttribute("flat-white"), is(Drink.FLAT_WHITE));
        assertThat(column.convertToDatabaseColumn(null), nullValue());
        assertThat(column.convertToEntityAttribute(null), nullValue());
    }
}
