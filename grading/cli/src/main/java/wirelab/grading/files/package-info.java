/**
 * Folder helpers every stage needs: delete a whole folder, copy one; links are never followed out
 * of the folder.
 *
 * <p>A leaf: uses nothing of the tool.
 */
package wirelab.grading.files;
