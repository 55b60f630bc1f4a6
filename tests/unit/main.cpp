#define BOOST_TEST_MODULE concerto_unit
#include <boost/test/unit_test.hpp>
