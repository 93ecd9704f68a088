package org.zhucan.diner;


/** A diner on a day: the status then (null before the first status change), the age then, and the categories held then. */
public record QuoteFacts(Diner diner, DinerStatus status, int age, java.util.Set<DinerCategory> categories) {

    public boolean active() {
        return status == DinerStatus.ACTIVE;
    }
}
