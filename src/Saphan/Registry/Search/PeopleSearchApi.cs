using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Saphan.Registry.Search;

/// <summary><c>GET /api/people?q=…&amp;born=…&amp;district=…</c>: the same search as the page, as JSON.</summary>
public static class PeopleSearchApi
{
    public static async Task<Results<Ok<IReadOnlyList<SearchHit>>, BadRequest<string>>> FindPeople(
        string? q, string? born, string? district, PeopleSearch search, HttpContext http)
    {
        var result = await search.FindAsync(new SearchRequest(q, born, district), http.Request.Path, http.RequestAborted);
        return result.Outcome switch
        {
            SearchOutcome.TooShort => TypedResults.BadRequest("q: ต้องมีอย่างน้อย 2 ตัวอักษร / at least 2 characters"),
            SearchOutcome.UnreadableBirthDate => TypedResults.BadRequest("born: อ่านวันเกิดไม่ได้ เช่น 29/2/2567 หรือ 2567 / unreadable date of birth, e.g. 29/2/2024 or 1960"),
            SearchOutcome.HouseNumberNeedsPlace => TypedResults.BadRequest("q: ระบุแขวงหรือเขตพร้อมบ้านเลขที่ / give a subdistrict or district with the house number"),
            _ => TypedResults.Ok(result.Hits),
        };
    }
}
