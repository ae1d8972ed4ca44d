// PLACEHOLDER — replaced by the page's real implementation in this change.
const PoliciesPage = () => null;
export default PoliciesPage;
