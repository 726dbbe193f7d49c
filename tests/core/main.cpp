// The Catch2 runner shared by every core test file, natively and in wasm under Node.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
