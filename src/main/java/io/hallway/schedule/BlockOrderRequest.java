package io.hallway.schedule;

import java.util.List;

import jakarta.validation.constraints.NotNull;

/** The talks of a block in their new running order. */
public record BlockOrderRequest(@NotNull List<@NotNull Long> talkIds, Long version) {
}
