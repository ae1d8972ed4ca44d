// PLACEHOLDER — replaced by the page's real implementation in this change.
const CalendarPage = () => null;
export default CalendarPage;
