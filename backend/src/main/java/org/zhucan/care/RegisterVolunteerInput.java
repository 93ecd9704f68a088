package org.zhucan.care;

public record RegisterVolunteerInput(String name, String phone, long regionId, String username) {

    @Override
    public String toString() {
        return "RegisterVolunteerInput[" + regionId + "]"; // never log a phone number
    }
}
