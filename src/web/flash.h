// One-time messages after a form post (POST, redirect, GET): the redirect's ?message= is taken out
// of the address and kept with the session in the store (Db::PutFlash, schema 11), then shown once
// by the next page that session opens — whichever serve process on the store serves it — so a
// reload or a bookmark never repeats it.
#pragma once

#include <string>

namespace jixiao::web {

// Takes the message= parameter out of a redirect's address ("/targets/x?message=%E5…" ->
// "/targets/x"), returning it decoded; "" (the address unchanged) when there is none.
std::string TakeMessageParam(std::string& location);

}  // namespace jixiao::web
