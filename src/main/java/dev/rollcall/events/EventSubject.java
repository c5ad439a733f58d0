package dev.rollcall.events;

/** What an event is about: a person (ordered by the person's sequence) or a group. */
public enum EventSubject {
    PERSON, GROUP
}
