#pragma once
// Internal to the demo corpus: the invented municipal programme, as raw C strings, split over
// two files by theme only to keep each file readable.

#include <vector>

namespace concerto::demo::data {

/// One commitment as written in the programme files.
struct RawCommitment {
    const char* ref; // the three-letter prefix selects the theme
    const char* title;
    const char* description;
    const char* subjects[4]; // unused entries stay null
    const char* ideas[3];    // infinitive phrases fitting every subject ("ouvrir la piscine plus tôt le matin")
};

/// Commitments of the themes LOG, ECO, EDU and SOL (demo_programme_people.cpp).
const std::vector<RawCommitment>& PeopleCommitments();
/// Commitments of the themes MOB, CUL, DEM and ECN (demo_programme_city.cpp).
const std::vector<RawCommitment>& CityCommitments();
/// Both lists, in programme order.
const std::vector<RawCommitment>& AllCommitments();

} // namespace concerto::demo::data
