// Lineage of the extension's table rows (src/install/05_lineage.sql): whether
// the statement running now belongs to an extension script (CREATE EXTENSION or
// ALTER EXTENSION UPDATE), so that the lineage triggers let a release write its
// shipped rows and treat every other write as the user's.
#include "glue.hpp"

extern "C" {
#include "commands/extension.h"

PG_FUNCTION_INFO_V1(holdings_lineage_in_release_script);
}

extern "C" Datum holdings_lineage_in_release_script(PG_FUNCTION_ARGS) {
    PG_RETURN_BOOL(creating_extension && CurrentExtensionObject == get_extension_oid("holdings", true));
}
