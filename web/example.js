// A short article written for whosaid, to try the page with one click. It
// is invented (no real town, council or people) and holds one of each case
// the engine handles: direct, indirect and mixed quotes, a pronoun, an
// anonymous source, a scare quote, and claims with no source at all.
export const EXAMPLE = `Published: Mon, March 3, 2025
Riverside Gazette | By Ana Kowalski

Harbour Town Council Votes To Close The Old Ferry Pier

Harbour Town Council voted on Monday to close the old ferry pier to the public after engineers found cracks in two of its supports.

"We cannot ask families to walk on a structure that our own engineers no longer trust", said Mayor Elena Ruiz.

Ruiz said the council would ask the regional government for money to rebuild the pier within three years.

She said the closure was "painful but unavoidable" and promised a public meeting in April.

The Harbour Fishers' Association said the decision would cost its members about 400 euros a week each in lost landings.

A council official, who asked not to be named because the report has not been published, said the repairs could cost more than 2 million euros.

The pier was built in 1911 and carried more than 30,000 passengers a year before the ferry service ended in 1998.

A "temporary" fence has blocked the far end of the pier since last summer.

Visitor numbers have fallen by a third since 2019.
`;
