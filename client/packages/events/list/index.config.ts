export default definePageConfig({
  navigationBarTitleText: '开放日',
  enablePullDownRefresh: true,
});
