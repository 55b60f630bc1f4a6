#define BOOST_TEST_MODULE concerto_reports
#include <boost/test/unit_test.hpp>
