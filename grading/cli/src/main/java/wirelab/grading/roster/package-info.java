/**
 * Who is who in a class: {@code roster.csv}, each hand-in named by its roster student or its
 * export's handle, and the {@code submission.json} kept beside each result.
 *
 * <p>Uses {@code intake} (the exports), {@code result} and {@code files}.
 */
package wirelab.grading.roster;
