export default definePageConfig({
  navigationBarTitleText: '12345 热线导入',
});
