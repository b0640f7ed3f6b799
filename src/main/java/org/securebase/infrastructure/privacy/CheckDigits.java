package org.securebase.infrastructure.privacy;

/**
 * The check-digit rules of the identifiers that have one: an NHS number (modulus 11), a Brazilian CPF (two
 * modulus-11 digits) and a Brazilian CNS (the SUS card: a weighted sum divisible by 11). A number that fails is
 * most likely something else (a dose, a reference), so it is not flagged as that identifier.
 */
final class CheckDigits {

    private CheckDigits() {
    }

    static boolean passes(String rule, String digits) {
        return switch (rule) {
            case "nhs" -> nhs(digits);
            case "cpf" -> cpf(digits);
            case "cns" -> cns(digits);
            default -> throw new IllegalArgumentException("no check-digit rule " + rule);
        };
    }

    static boolean nhs(String digits) {
        if (digits.length() != 10 || allSame(digits)) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += digit(digits, i) * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == digit(digits, 9);
    }

    static boolean cpf(String digits) {
        if (digits.length() != 11 || allSame(digits)) {
            return false;
        }
        return cpfDigit(digits, 9) == digit(digits, 9) && cpfDigit(digits, 10) == digit(digits, 10);
    }

    private static int cpfDigit(String digits, int count) {
        int sum = 0;
        for (int i = 0; i < count; i++) {
            sum += digit(digits, i) * (count + 1 - i);
        }
        int d = sum * 10 % 11;
        return d == 10 ? 0 : d;
    }

    static boolean cns(String digits) {
        if (digits.length() != 15 || allSame(digits) || "12789".indexOf(digits.charAt(0)) < 0) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 15; i++) {
            sum += digit(digits, i) * (15 - i);
        }
        return sum % 11 == 0;
    }

    private static int digit(String digits, int i) {
        return digits.charAt(i) - '0';
    }

    private static boolean allSame(String digits) {
        return digits.chars().allMatch(c -> c == digits.charAt(0));
    }
}
