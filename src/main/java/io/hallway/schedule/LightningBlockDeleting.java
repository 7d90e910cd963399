package io.hallway.schedule;

/**
 * Fired, inside the changing transaction, just before a lightning block's row is deleted (its talks already were,
 * each announced as a deleted session), in every release mode: what refers to the block by a cascading foreign key
 * still exists, so that its owner can clean up and tell whom it concerns. The agenda forgets the block's bookmarks
 * here and says whose changed; a cascade would take them without anybody hearing of it.
 */
public record LightningBlockDeleting(long eventId, long blockId) {
}
