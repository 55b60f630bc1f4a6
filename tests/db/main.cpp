#define BOOST_TEST_MODULE concerto_db
#include <boost/test/unit_test.hpp>
